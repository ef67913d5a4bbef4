package dev.gatehouse.it.contract;

/** The tenant settings repository contract on the embedded database (H2 in PostgreSQL mode). */
class TenantSettingsRepositoryEmbeddedIT extends TenantSettingsRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
