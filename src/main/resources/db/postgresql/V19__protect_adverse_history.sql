-- PostgreSQL only: an adverse case's history is append-only like the other history tables (V4, V11):
-- its steps and its letters as sent are never updated or deleted; the case row itself changes stage
-- (every change is a step and an audit entry) but is never deleted.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['adverse_steps', 'adverse_letters']
    LOOP
        EXECUTE format('CREATE TRIGGER %I_append_only BEFORE UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION refuse_history_change()', t, t);
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()', t, t);
    END LOOP;
END;
$$;
CREATE TRIGGER adverse_cases_never_deleted BEFORE DELETE ON adverse_cases
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER adverse_cases_no_truncate BEFORE TRUNCATE ON adverse_cases
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
