package dev.gatehouse.it.contract;

/** The outbox contract on PostgreSQL. */
class OutboxPostgresIT extends OutboxContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
