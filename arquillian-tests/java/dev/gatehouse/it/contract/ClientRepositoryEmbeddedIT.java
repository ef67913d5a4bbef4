package dev.gatehouse.it.contract;

/** The client repository contract on the embedded database (H2 in PostgreSQL mode). */
class ClientRepositoryEmbeddedIT extends ClientRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
