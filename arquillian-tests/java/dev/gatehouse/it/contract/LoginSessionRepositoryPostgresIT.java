package dev.gatehouse.it.contract;

/** The login session repository contract on PostgreSQL. */
class LoginSessionRepositoryPostgresIT extends LoginSessionRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
