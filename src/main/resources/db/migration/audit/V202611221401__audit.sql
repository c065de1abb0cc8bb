-- audit: one append-only, hash-chained log of logins, changes and reads of personal data
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.audit_log (
    id           bigint       PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL,
    actor        varchar(64)  NOT NULL,
    kind         varchar(40)  NOT NULL,
    subject_type varchar(40),
    subject_id   varchar(100),
    purpose      varchar(200),
    details      varchar(2000),
    client       varchar(64),
    prev_hash    char(64)     NOT NULL,
    hash         char(64)     NOT NULL UNIQUE
);
CREATE SEQUENCE audit.audit_log_id_seq OWNED BY audit.audit_log.id;
CREATE INDEX audit_log_occurred_idx ON audit.audit_log (occurred_at);
CREATE INDEX audit_log_actor_idx ON audit.audit_log (actor, occurred_at);
CREATE INDEX audit_log_kind_idx ON audit.audit_log (kind, occurred_at);
CREATE INDEX audit_log_subject_idx ON audit.audit_log (subject_type, subject_id, occurred_at);

-- Defence in depth: the application never updates or deletes audit rows. Someone who can
-- disable this trigger can tamper, and the hash chain then shows it.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit.audit_log
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
