-- outreach: the statistics' counts kept per day in two rollups, maintained by triggers in the same transaction as the
-- shifts and encounters they count (a shift recorded, an import, a correction, a void), so the figures stay exact and
-- a period's statistics read a few thousand rollup rows instead of every encounter of the period.
--
-- What counts is said in ONE place: outreach.shift_counts and outreach.encounter_counts. To stop counting a kind of
-- row (e.g. a voided shift or encounter), replace those two functions and call outreach.rebuild_rollup().

CREATE TABLE outreach.daily_counts (
    day               date        NOT NULL,
    kind              varchar(10) NOT NULL,
    police_operation  varchar(20) NOT NULL,   -- '' for an own shift
    arena             varchar(20) NOT NULL,
    shifts            integer     NOT NULL DEFAULT 0,
    encounters        integer     NOT NULL DEFAULT 0,
    exposed           integer     NOT NULL DEFAULT 0,
    exposed_minors    integer     NOT NULL DEFAULT 0,
    buyers            integer     NOT NULL DEFAULT 0,
    buyer_minors      integer     NOT NULL DEFAULT 0,
    other             integer     NOT NULL DEFAULT 0,
    other_minors      integer     NOT NULL DEFAULT 0,
    offered           integer     NOT NULL DEFAULT 0,
    accepted          integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (day, kind, police_operation, arena)
);

CREATE TABLE outreach.daily_homes (
    day      date        NOT NULL,
    kind     varchar(10) NOT NULL,
    home     varchar(10) NOT NULL,
    exposed  integer     NOT NULL DEFAULT 0,
    buyers   integer     NOT NULL DEFAULT 0,
    other    integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (day, kind, home)
);

-- the same by month, so that a long period adds up a row per month and home instead of a row per day and home
CREATE TABLE outreach.monthly_homes (
    month    date        NOT NULL,   -- the first day of the month
    kind     varchar(10) NOT NULL,
    home     varchar(10) NOT NULL,
    exposed  integer     NOT NULL DEFAULT 0,
    buyers   integer     NOT NULL DEFAULT 0,
    other    integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (month, kind, home)
);

-- the "counts" predicate: every shift and encounter today
CREATE FUNCTION outreach.shift_counts(s outreach.shifts) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS 'SELECT true';
CREATE FUNCTION outreach.encounter_counts(e outreach.encounters) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS 'SELECT true';

-- An encounter as the rollups count it: its shift's day, kind, police operation and arena, and its own fields.
CREATE TYPE outreach.counted_encounter AS (day date, kind varchar(10), police_operation varchar(20),
    arena varchar(20), role varchar(10), is_minor boolean, support_offered boolean, accepted varchar(10),
    home varchar(10));

-- The one place that adds encounters to the rollups (sign 1) or takes them away (-1); rows in key order, so that
-- concurrent writers do not deadlock.
CREATE FUNCTION outreach.add_encounter_counts(sign integer, counted outreach.counted_encounter[])
    RETURNS void LANGUAGE sql AS $$
    INSERT INTO outreach.daily_counts AS d (day, kind, police_operation, arena, encounters, exposed, exposed_minors,
                                            buyers, buyer_minors, other, other_minors, offered, accepted)
    SELECT day, kind, police_operation, arena, sign * count(*),
           sign * count(*) FILTER (WHERE role = 'exposed'), sign * count(*) FILTER (WHERE role = 'exposed' AND is_minor),
           sign * count(*) FILTER (WHERE role = 'buyer'), sign * count(*) FILTER (WHERE role = 'buyer' AND is_minor),
           sign * count(*) FILTER (WHERE role = 'other'), sign * count(*) FILTER (WHERE role = 'other' AND is_minor),
           sign * count(*) FILTER (WHERE support_offered), sign * count(*) FILTER (WHERE accepted = 'yes')
      FROM unnest(counted) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, kind, police_operation, arena) DO UPDATE SET
           encounters = d.encounters + excluded.encounters, exposed = d.exposed + excluded.exposed,
           exposed_minors = d.exposed_minors + excluded.exposed_minors, buyers = d.buyers + excluded.buyers,
           buyer_minors = d.buyer_minors + excluded.buyer_minors, other = d.other + excluded.other,
           other_minors = d.other_minors + excluded.other_minors, offered = d.offered + excluded.offered,
           accepted = d.accepted + excluded.accepted;
    INSERT INTO outreach.daily_homes AS h (day, kind, home, exposed, buyers, other)
    SELECT day, kind, home, sign * count(*) FILTER (WHERE role = 'exposed'),
           sign * count(*) FILTER (WHERE role = 'buyer'), sign * count(*) FILTER (WHERE role = 'other')
      FROM unnest(counted) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, kind, home) DO UPDATE SET
           exposed = h.exposed + excluded.exposed, buyers = h.buyers + excluded.buyers, other = h.other + excluded.other;
    INSERT INTO outreach.monthly_homes AS h (month, kind, home, exposed, buyers, other)
    SELECT date_trunc('month', day)::date, kind, home, sign * count(*) FILTER (WHERE role = 'exposed'),
           sign * count(*) FILTER (WHERE role = 'buyer'), sign * count(*) FILTER (WHERE role = 'other')
      FROM unnest(counted) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (month, kind, home) DO UPDATE SET
           exposed = h.exposed + excluded.exposed, buyers = h.buyers + excluded.buyers, other = h.other + excluded.other;
$$;

-- Adds (sign 1) or takes away (sign -1) these shifts, and with_encounters their encounters as the shifts say
-- (day, kind, arena): the one place that writes the rollups, rows in key order so concurrent writers do not deadlock.
CREATE FUNCTION outreach.rollup_shifts(rows outreach.shifts[], sign integer, with_encounters boolean)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outreach.daily_counts AS d (day, kind, police_operation, arena, shifts)
    SELECT s.shift_date, s.kind, coalesce(s.police_operation, ''), s.arena, sign * count(*)
      FROM unnest(rows) s WHERE outreach.shift_counts(s)
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, kind, police_operation, arena) DO UPDATE SET shifts = d.shifts + excluded.shifts;
    IF with_encounters THEN
        PERFORM outreach.rollup_encounters(ARRAY(SELECT e FROM outreach.encounters e
                                                  WHERE e.shift_id IN (SELECT s.id FROM unnest(rows) s)), sign, rows);
    END IF;
END $$;

-- Adds or takes away these encounters, each counted with its shift as given in shift_rows (the shift as it was or
-- is; null: as it is now). Through outreach.add_encounter_counts, which rebuild_rollup uses too.
CREATE FUNCTION outreach.rollup_encounters(rows outreach.encounters[], sign integer,
                                           shift_rows outreach.shifts[] DEFAULT NULL)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF shift_rows IS NULL THEN
        PERFORM outreach.add_encounter_counts(sign, ARRAY(
            SELECT ROW(s.shift_date, s.kind, coalesce(s.police_operation, ''), s.arena, e.role, e.is_minor,
                       e.support_offered, e.accepted, e.home)::outreach.counted_encounter
              FROM unnest(rows) e JOIN outreach.shifts s ON s.id = e.shift_id
             WHERE outreach.shift_counts(s) AND outreach.encounter_counts(e)));
    ELSE
        PERFORM outreach.add_encounter_counts(sign, ARRAY(
            SELECT ROW(s.shift_date, s.kind, coalesce(s.police_operation, ''), s.arena, e.role, e.is_minor,
                       e.support_offered, e.accepted, e.home)::outreach.counted_encounter
              FROM unnest(rows) e JOIN unnest(shift_rows) s ON s.id = e.shift_id
             WHERE outreach.shift_counts(s) AND outreach.encounter_counts(e)));
    END IF;
END $$;

-- Rebuilds the rollups from scratch, set-based (after changing what counts, or to repair).
CREATE FUNCTION outreach.rebuild_rollup() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    month date;
BEGIN
    DELETE FROM outreach.daily_counts;
    DELETE FROM outreach.daily_homes;
    DELETE FROM outreach.monthly_homes;
    INSERT INTO outreach.daily_counts (day, kind, police_operation, arena, shifts)
    SELECT s.shift_date, s.kind, coalesce(s.police_operation, ''), s.arena, count(*)
      FROM outreach.shifts s WHERE outreach.shift_counts(s) GROUP BY 1, 2, 3, 4;
    FOR month IN SELECT DISTINCT date_trunc('month', shift_date)::date FROM outreach.shifts LOOP   -- a month at a time
        PERFORM outreach.add_encounter_counts(1, ARRAY(
            SELECT ROW(s.shift_date, s.kind, coalesce(s.police_operation, ''), s.arena, e.role, e.is_minor,
                       e.support_offered, e.accepted, e.home)::outreach.counted_encounter
              FROM outreach.encounters e JOIN outreach.shifts s ON s.id = e.shift_id
             WHERE s.shift_date >= month AND s.shift_date < month + interval '1 month'
               AND outreach.shift_counts(s) AND outreach.encounter_counts(e)));
    END LOOP;
END $$;

CREATE FUNCTION outreach.shifts_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM outreach.rollup_shifts(ARRAY(SELECT ROW(n.*)::outreach.shifts FROM new_rows n), 1, false);   -- no encounters yet
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM outreach.rollup_shifts(ARRAY(SELECT ROW(o.*)::outreach.shifts FROM old_rows o), -1, true);
        PERFORM outreach.rollup_shifts(ARRAY(SELECT ROW(n.*)::outreach.shifts FROM new_rows n), 1, true);
    END IF;
    RETURN NULL;
END $$;

-- before a shift is deleted (its encounters are still there): the shift and its encounters leave the rollup
CREATE FUNCTION outreach.shift_deleted_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM outreach.rollup_shifts(ARRAY[OLD], -1, true);
    RETURN OLD;
END $$;

CREATE FUNCTION outreach.encounters_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- a deleted shift's encounters (cascade) have left with their shift already: only those whose shift is here
        PERFORM outreach.rollup_encounters(ARRAY(SELECT ROW(o.*)::outreach.encounters FROM old_rows o), -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM outreach.rollup_encounters(ARRAY(SELECT ROW(n.*)::outreach.encounters FROM new_rows n), 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER shifts_rollup_insert AFTER INSERT ON outreach.shifts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outreach.shifts_rollup();
CREATE TRIGGER shifts_rollup_update AFTER UPDATE ON outreach.shifts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outreach.shifts_rollup();
CREATE TRIGGER shifts_rollup_delete BEFORE DELETE ON outreach.shifts
    FOR EACH ROW EXECUTE FUNCTION outreach.shift_deleted_rollup();
CREATE TRIGGER encounters_rollup_insert AFTER INSERT ON outreach.encounters
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outreach.encounters_rollup();
CREATE TRIGGER encounters_rollup_update AFTER UPDATE ON outreach.encounters
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outreach.encounters_rollup();
CREATE TRIGGER encounters_rollup_delete AFTER DELETE ON outreach.encounters
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outreach.encounters_rollup();

DO $$ BEGIN PERFORM outreach.rebuild_rollup(); END $$;
