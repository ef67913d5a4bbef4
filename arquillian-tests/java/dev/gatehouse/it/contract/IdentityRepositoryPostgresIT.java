package dev.gatehouse.it.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The identity repository contract on PostgreSQL. */
class IdentityRepositoryPostgresIT extends IdentityRepositoryContract {

    @Override
    protected ContractDatabase database() {
        var db = ContractDatabase.postgres();
        assumeTrue(db.isPresent(), "PostgreSQL not reachable");
        return db.get();
    }
}
