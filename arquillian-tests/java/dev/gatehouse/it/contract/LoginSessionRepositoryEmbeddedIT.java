package dev.gatehouse.it.contract;

/** The login session repository contract on the embedded database (H2 in PostgreSQL mode). */
class LoginSessionRepositoryEmbeddedIT extends LoginSessionRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.embedded();
    }
}
