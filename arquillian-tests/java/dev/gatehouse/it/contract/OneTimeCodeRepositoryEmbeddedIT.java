package dev.gatehouse.it.contract;

/** The one-time code repository contract on the embedded database (H2 in PostgreSQL mode). */
class OneTimeCodeRepositoryEmbeddedIT extends OneTimeCodeRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
