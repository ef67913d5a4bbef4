package dev.gatehouse.it.contract;

/** The logout request repository contract on the embedded database (H2 in PostgreSQL mode). */
class LogoutRequestRepositoryEmbeddedIT extends LogoutRequestRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
