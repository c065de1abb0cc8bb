-- outreach: a shift or an encounter recorded by mistake is voided (makulerad) with a reason, never deleted: it leaves
-- the statistics and exports, and stays visible, struck through, to its units.
ALTER TABLE outreach.shifts ADD COLUMN voided_at timestamptz, ADD COLUMN voided_by varchar(64),
    ADD COLUMN void_reason varchar(500),
    ADD CONSTRAINT shifts_void_check CHECK ((voided_at IS NULL) = (voided_by IS NULL));
ALTER TABLE outreach.encounters ADD COLUMN voided_at timestamptz, ADD COLUMN voided_by varchar(64),
    ADD COLUMN void_reason varchar(500),
    ADD CONSTRAINT encounters_void_check CHECK ((voided_at IS NULL) = (voided_by IS NULL));
