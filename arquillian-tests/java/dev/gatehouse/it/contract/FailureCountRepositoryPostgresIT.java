package dev.gatehouse.it.contract;

/** The failure count repository contract on PostgreSQL. */
class FailureCountRepositoryPostgresIT extends FailureCountRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
