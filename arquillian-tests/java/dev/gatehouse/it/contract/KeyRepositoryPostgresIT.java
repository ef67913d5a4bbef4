package dev.gatehouse.it.contract;

/** The key repository contract on PostgreSQL. */
class KeyRepositoryPostgresIT extends KeyRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
