package dev.gatehouse.it.contract;

/** The consent session repository contract on the embedded database (H2 in PostgreSQL mode). */
class ConsentSessionRepositoryEmbeddedIT extends ConsentSessionRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
