-- PostgreSQL only (each line starts with ${postgresql_only}, which is empty there and "--" on the embedded database,
-- which has a single user). Where the schema belongs to an owner role and Gatehouse connects as an application
-- role (docs/operations.md), the application may read and append audit rows but not change or remove them:
-- UPDATE, DELETE and TRUNCATE on audit_event, and every write on audit_checkpoint, are revoked from every role but
-- the owner, default privileges included. Retention deletes only through audit_prune, which runs as the owner and removes the
-- oldest rows of one tenant up to a row at least a day old, recording that row's hash as the chain's new start.
${postgresql_only}REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
${postgresql_only}REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_checkpoint FROM PUBLIC;
${postgresql_only}DO $$
${postgresql_only}DECLARE r record;
${postgresql_only}BEGIN
${postgresql_only}  FOR r IN SELECT DISTINCT a.grantee::regrole::text AS grantee
${postgresql_only}           FROM pg_class c, aclexplode(c.relacl) a
${postgresql_only}           WHERE c.oid IN ('audit_event'::regclass, 'audit_checkpoint'::regclass)
${postgresql_only}             AND a.grantee <> 0 AND a.grantee <> c.relowner
${postgresql_only}             AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE') LOOP
${postgresql_only}    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %s', r.grantee);
${postgresql_only}    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_checkpoint FROM %s', r.grantee);
${postgresql_only}  END LOOP;
${postgresql_only}END $$;
${postgresql_only}CREATE FUNCTION audit_prune(p_tenant VARCHAR, p_through BIGINT) RETURNS INTEGER
${postgresql_only}LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
${postgresql_only}DECLARE
${postgresql_only}  h VARCHAR(64);
${postgresql_only}  n INTEGER;
${postgresql_only}BEGIN
${postgresql_only}  SELECT e.hash INTO h FROM audit_event e WHERE e.tenant_id = p_tenant AND e.seq = p_through
${postgresql_only}    AND e.occurred_at < now() - interval '1 day';
${postgresql_only}  IF h IS NULL THEN
${postgresql_only}    RAISE EXCEPTION 'audit row % of tenant % does not exist or is younger than a day', p_through, p_tenant;
${postgresql_only}  END IF;
${postgresql_only}  DELETE FROM audit_event e WHERE e.tenant_id = p_tenant AND e.seq <= p_through;
${postgresql_only}  GET DIAGNOSTICS n = ROW_COUNT;
${postgresql_only}  INSERT INTO audit_checkpoint (tenant_id, last_seq, last_hash, pruned_at) VALUES (p_tenant, p_through, h, now())
${postgresql_only}    ON CONFLICT (tenant_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash,
${postgresql_only}      pruned_at = EXCLUDED.pruned_at;
${postgresql_only}  RETURN n;
${postgresql_only}END $$;
