package dev.gatehouse.it.contract;

/** The one-time code repository contract on PostgreSQL. */
class OneTimeCodeRepositoryPostgresIT extends OneTimeCodeRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
