package dev.gatehouse.it.contract;

/** The flow repository contract on the embedded database (H2 in PostgreSQL mode). */
class FlowRepositoryEmbeddedIT extends FlowRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
