package dev.gatehouse.it.contract;

/** The authorization flow repository contract on the embedded database (H2 in PostgreSQL mode). */
class AuthorizationFlowRepositoryEmbeddedIT extends AuthorizationFlowRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
