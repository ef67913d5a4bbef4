package dev.gatehouse.it.contract;

/** The authorization flow repository contract on PostgreSQL. */
class AuthorizationFlowRepositoryPostgresIT extends AuthorizationFlowRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
