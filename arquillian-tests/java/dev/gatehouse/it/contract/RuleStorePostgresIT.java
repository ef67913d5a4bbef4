package dev.gatehouse.it.contract;

/** The gateway rule store contract on PostgreSQL. */
class RuleStorePostgresIT extends RuleStoreContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
