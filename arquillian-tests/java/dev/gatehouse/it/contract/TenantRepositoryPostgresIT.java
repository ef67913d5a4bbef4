package dev.gatehouse.it.contract;

/** The tenant repository contract on PostgreSQL. */
class TenantRepositoryPostgresIT extends TenantRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
