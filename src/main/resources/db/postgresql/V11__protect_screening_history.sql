-- PostgreSQL only: the screening history is append-only like the other history tables (V4): a list
-- version's entries, and the review steps of possible matches. (watchlist_versions and
-- screening_hits change status; their every change is in the audit chain.)
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['watchlist_entries', 'screening_reviews']
    LOOP
        EXECUTE format('CREATE TRIGGER %I_append_only BEFORE UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION refuse_history_change()', t, t);
        EXECUTE format('CREATE TRIGGER %I_no_truncate BEFORE TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()', t, t);
    END LOOP;
END;
$$;
