package dev.gatehouse.it.contract;

/** The gateway rule store contract on the embedded database (H2 in PostgreSQL mode). */
class RuleStoreEmbeddedIT extends RuleStoreContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
