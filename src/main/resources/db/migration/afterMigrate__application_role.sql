-- The application's database role gets exactly the rights it needs, after every migration, on every table that
-- exists then (so a table added by a later migration is covered without anyone remembering to grant on it):
--   * USAGE on the schemas, USAGE on the sequences (nextval for ids);
--   * SELECT, INSERT, UPDATE, DELETE on the modules' tables;
--   * on every table in schema audit only SELECT and INSERT: the audit log is append-only, and the application
--     cannot change a row even if its trigger were gone (it cannot drop triggers either: it owns nothing);
--   * nothing on Flyway's history table, and never TRUNCATE, REFERENCES, TRIGGER or CREATE.
-- Everything is revoked and granted again in this one transaction, so rights given by hand are taken back at the
-- next start. Runs as the owner (Flyway's user). ${app_role} is the application's role (Flyway placeholder).
-- ALTER DEFAULT PRIVILEGES could not express the audit exception (per-schema defaults only add to global ones),
-- would not cover schemas created later, nor the tables of a data directory from before the two roles.
DO $$
DECLARE
    app name := '${app_role}';
    s   record;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'The application''s database role "%" does not exist; create it (README: "Running against an external PostgreSQL")', app;
    END IF;
    IF app = current_user THEN
        RAISE WARNING 'The application connects as "%", the owner of the tables, who can change the audit log; give it its own role (README: "Running against an external PostgreSQL")', app;
        RETURN;
    END IF;
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = app) THEN
        RAISE WARNING 'The application''s database role "%" is a superuser, who can change the audit log; give it a role without SUPERUSER (README: "Running against an external PostgreSQL")', app;
    END IF;
    FOR s IN SELECT nspname FROM pg_namespace
             WHERE pg_has_role(nspowner, 'USAGE')
               AND nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
             ORDER BY nspname LOOP
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM %I', s.nspname, app);
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s.nspname, app);
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', s.nspname, app);
        IF s.nspname = 'audit' THEN
            EXECUTE format('GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA %I TO %I', s.nspname, app);
        ELSIF s.nspname = 'retention' THEN
            -- retention: the application records an approval; only casework.delete_approved_records (SECURITY
            -- DEFINER) carries it out, marks its transaction and so may pass the signed-journal protection
            EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s.nspname, app);
            EXECUTE format('GRANT INSERT ON retention.approvals TO %I', app);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', s.nspname, app);
        END IF;
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', s.nspname, app);
        EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', s.nspname, app);
    END LOOP;
    EXECUTE format('REVOKE ALL ON TABLE %I.%I FROM %I', '${flyway:defaultSchema}', '${flyway:table}', app);
    -- the one path that deletes records for retention (casework's V202612022010__retention.sql)
    IF to_regprocedure('casework.delete_approved_records(bigint)') IS NOT NULL THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION casework.delete_approved_records(bigint) TO %I', app);
    END IF;
END $$;
