package dev.gatehouse.it.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The key repository contract on PostgreSQL. */
class KeyRepositoryPostgresIT extends KeyRepositoryContract {

    @Override
    protected ContractDatabase database() {
        var db = ContractDatabase.postgres();
        assumeTrue(db.isPresent(), "PostgreSQL not reachable");
        return db.get();
    }
}
