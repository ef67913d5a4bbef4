package dev.gatehouse.it.contract;

/** The flow repository contract on PostgreSQL. */
class FlowRepositoryPostgresIT extends FlowRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
