-- Leases of the scheduled jobs that every node runs but only one node at a time may do (the audit log's retention,
-- which writes archive files to its node's disk). A node holds the lease named after the job while expires_at is
-- ahead and renews it as it works; another node takes it only once it has expired (its holder released it, or
-- stopped or died). A job's run covers every tenant, so a lease belongs to none. The row is made by the first claim.
CREATE TABLE job_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
