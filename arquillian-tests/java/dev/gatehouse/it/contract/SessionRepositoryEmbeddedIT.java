package dev.gatehouse.it.contract;

/** The session repository contract on the embedded database (H2 in PostgreSQL mode). */
class SessionRepositoryEmbeddedIT extends SessionRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
