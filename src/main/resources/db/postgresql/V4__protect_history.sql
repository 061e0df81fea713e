-- PostgreSQL only: the history tables refuse UPDATE and DELETE (and TRUNCATE), whoever asks, unless
-- a superuser switches triggers off (session_replication_role = replica) — which the audit chain
-- then detects. The tables that legitimately change are not here: clearances (the current state),
-- audit_head (the chain's head), users and their roles and units.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['officer_records', 'evaluations', 'evaluation_flags', 'fired_rules',
                             'clearance_events', 'rulesets', 'adjudications', 'audit_log', 'access_log']
    LOOP
        EXECUTE format('CREATE TRIGGER %I_append_only BEFORE UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION refuse_history_change()', t, t);
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()', t, t);
    END LOOP;
END;
$$;
