package dev.gatehouse.it.contract;

/** The key repository contract on the embedded database (H2 in PostgreSQL mode). */
class KeyRepositoryEmbeddedIT extends KeyRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
