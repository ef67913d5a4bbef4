package dev.gatehouse.it.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The client repository contract on PostgreSQL. */
class ClientRepositoryPostgresIT extends ClientRepositoryContract {

    @Override
    protected ContractDatabase database() {
        var db = ContractDatabase.postgres();
        assumeTrue(db.isPresent(), "PostgreSQL not reachable");
        return db.get();
    }
}
