package dev.gatehouse.it.contract;

/** The failure count repository contract on the embedded database (H2 in PostgreSQL mode). */
class FailureCountRepositoryEmbeddedIT extends FailureCountRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
