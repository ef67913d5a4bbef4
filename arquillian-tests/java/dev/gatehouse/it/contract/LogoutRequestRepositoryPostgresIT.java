package dev.gatehouse.it.contract;

/** The logout request repository contract on PostgreSQL. */
class LogoutRequestRepositoryPostgresIT extends LogoutRequestRepositoryContract {

    @Override
    protected ContractDatabase database() {
        return ContractDatabase.postgresOrSkip();
    }
}
