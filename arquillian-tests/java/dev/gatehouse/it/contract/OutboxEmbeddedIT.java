package dev.gatehouse.it.contract;

/** The outbox contract on the embedded database (H2 in PostgreSQL mode). */
class OutboxEmbeddedIT extends OutboxContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
