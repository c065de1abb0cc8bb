-- audit: the keyed chain (issue 9 §2, issue 14 §2 and §6).
--
-- A request now only INSERTs its row into audit.audit_log (no lock, no hash: it joins the transaction of the
-- work it records). A single sealer links committed rows, in the order it sees them committed, into
-- audit.chain: one link per row with its position, the previous link's MAC and an HMAC-SHA-256 (key outside
-- the database) over position, the row's fields and the previous MAC. Neither table is ever updated or deleted
-- from by the application: it needs only SELECT and INSERT on the schema's tables.

-- The old unkeyed SHA-256 columns go: anyone with database access could recompute them. Existing rows are
-- linked into the keyed chain by the sealer at the first start, in id order (their old chain order).
ALTER TABLE audit.audit_log DROP COLUMN prev_hash, DROP COLUMN hash;
ALTER TABLE audit.audit_log ALTER COLUMN id SET DEFAULT nextval('audit.audit_log_id_seq');

-- A list or a search is one row naming every record shown (subject_ids); a single record stays in subject_id.
ALTER TABLE audit.audit_log ADD COLUMN subject_ids text[];
ALTER TABLE audit.audit_log ADD CONSTRAINT audit_log_one_subject_form
    CHECK (subject_id IS NULL OR subject_ids IS NULL);
CREATE INDEX audit_log_subject_ids_idx ON audit.audit_log USING gin (subject_ids) WHERE subject_ids IS NOT NULL;

-- The writing transaction's id: the sealer finds rows committed since its last round through the snapshot it
-- took then (in-progress ids and everything from its xmax), without scanning the table. Rows written before
-- this migration get 0 and are all sealed in the first round.
ALTER TABLE audit.audit_log ADD COLUMN txid xid8 NOT NULL DEFAULT '0';
ALTER TABLE audit.audit_log ALTER COLUMN txid SET DEFAULT pg_current_xact_id();
CREATE INDEX audit_log_txid_idx ON audit.audit_log (txid);

CREATE TABLE audit.chain (
    position     bigint       PRIMARY KEY CHECK (position > 0),
    -- no foreign key: its per-row check would lock (and write) every entry row it links; a link whose row is
    -- gone is reported by the verification anyway
    entry_id     bigint       NOT NULL UNIQUE,
    prev_mac     char(64)     NOT NULL,
    mac          char(64)     NOT NULL,
    key_id       varchar(32)  NOT NULL,
    sealed_at    timestamptz  NOT NULL,
    -- every committed row of a transaction with a lower id was sealed when this link committed (where a
    -- restarted sealer starts looking)
    sealed_below xid8         NOT NULL
);

CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

CREATE TRIGGER chain_append_only
    BEFORE UPDATE OR DELETE ON audit.chain
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER chain_no_truncate
    BEFORE TRUNCATE ON audit.chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
