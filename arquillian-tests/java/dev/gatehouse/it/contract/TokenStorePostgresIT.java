package dev.gatehouse.it.contract;

/** The token store contract on PostgreSQL. */
class TokenStorePostgresIT extends TokenStoreContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
