package dev.gatehouse.it.contract;

/** The consent session repository contract on PostgreSQL. */
class ConsentSessionRepositoryPostgresIT extends ConsentSessionRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
