package dev.gatehouse.it.contract;

/** The identity repository contract on the embedded database (H2 in PostgreSQL mode). */
class IdentityRepositoryEmbeddedIT extends IdentityRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
