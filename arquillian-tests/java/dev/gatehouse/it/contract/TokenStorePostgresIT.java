package dev.gatehouse.it.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The token store contract on PostgreSQL. */
class TokenStorePostgresIT extends TokenStoreContract {

    @Override
    protected ContractDatabase database() {
        var db = ContractDatabase.postgres();
        assumeTrue(db.isPresent(), "PostgreSQL not reachable");
        return db.get();
    }
}
