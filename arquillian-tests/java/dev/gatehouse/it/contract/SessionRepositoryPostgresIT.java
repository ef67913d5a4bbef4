package dev.gatehouse.it.contract;

/** The session repository contract on PostgreSQL. */
class SessionRepositoryPostgresIT extends SessionRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
