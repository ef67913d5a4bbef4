package dev.gatehouse.it.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The tenant settings repository contract on PostgreSQL. */
class TenantSettingsRepositoryPostgresIT extends TenantSettingsRepositoryContract {

    @Override
    protected ContractDatabase database() {
        var db = ContractDatabase.postgres();
        assumeTrue(db.isPresent(), "PostgreSQL not reachable");
        return db.get();
    }
}
