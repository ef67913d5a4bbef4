package dev.gatehouse.it.contract;

/** The tenant repository contract on the embedded database (H2 in PostgreSQL mode). */
class TenantRepositoryEmbeddedIT extends TenantRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
