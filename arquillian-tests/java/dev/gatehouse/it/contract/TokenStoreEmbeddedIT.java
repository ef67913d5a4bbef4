package dev.gatehouse.it.contract;

/** The token store contract on the embedded database (H2 in PostgreSQL mode). */
class TokenStoreEmbeddedIT extends TokenStoreContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
