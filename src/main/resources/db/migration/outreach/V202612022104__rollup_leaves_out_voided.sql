-- A voided (makulerad) shift or encounter leaves the figures: the rollups' one "counts" rule says so, and the rollups
-- are rebuilt once from the rows as they are. Voiding is an UPDATE, which the rollup triggers already follow.
CREATE OR REPLACE FUNCTION outreach.shift_counts(s outreach.shifts) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS 'SELECT $1.voided_at IS NULL';
CREATE OR REPLACE FUNCTION outreach.encounter_counts(e outreach.encounters) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS 'SELECT $1.voided_at IS NULL';
SELECT outreach.rebuild_rollup();
