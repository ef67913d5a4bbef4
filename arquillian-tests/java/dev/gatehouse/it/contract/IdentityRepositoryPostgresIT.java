package dev.gatehouse.it.contract;

/** The identity repository contract on PostgreSQL. */
class IdentityRepositoryPostgresIT extends IdentityRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
