package dev.gatehouse.it.contract;

/** The client repository contract on PostgreSQL. */
class ClientRepositoryPostgresIT extends ClientRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
