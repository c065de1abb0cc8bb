-- casework: retention (gallring) through one controlled path. A manager approves the list that falls due; the
-- deletion runs in casework.delete_approved_records(approval), a SECURITY DEFINER function of the owner. It marks
-- its own transaction in retention.deletions, which the application's role may read but never write
-- (afterMigrate__application_role.sql), and only so marked may the signed-journal and Stödcentrum triggers let a
-- row of an approved case go. Every other DELETE of a signed entry is refused as before.
CREATE SCHEMA IF NOT EXISTS retention;

-- An approved list: who approved it, when, for which unit and limit, and which records it named (ids only).
CREATE TABLE retention.approvals (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code    varchar(32)  NOT NULL,
    cutoff       date         NOT NULL,   -- records whose last entry is on or before this day were due
    person_ids   bigint[]     NOT NULL,
    case_ids     bigint[]     NOT NULL,
    approved_by  varchar(64)  NOT NULL,
    approved_at  timestamptz  NOT NULL,
    deleted_at   timestamptz
);

-- The transactions in which the function deletes: the triggers' proof that a delete comes from the one path.
CREATE TABLE retention.deletions (
    txid         bigint       NOT NULL PRIMARY KEY,
    approval_id  bigint       NOT NULL REFERENCES retention.approvals (id)
);

CREATE FUNCTION casework.retention_deleting(p_case bigint) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM retention.deletions d JOIN retention.approvals a ON a.id = d.approval_id
                    WHERE d.txid = txid_current() AND p_case = ANY(a.case_ids))
$$;

CREATE OR REPLACE FUNCTION casework.journal_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'journal entries cannot be truncated';
    END IF;
    IF OLD.signed_at IS NULL THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF casework.retention_deleting(OLD.case_id) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'signed journal entry % cannot be deleted', OLD.id;
    END IF;
    IF NEW IS DISTINCT FROM OLD THEN
        RAISE EXCEPTION 'signed journal entry % cannot be changed; write a correction', OLD.id;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION casework.stodcentrum_decision_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND casework.retention_deleting(OLD.case_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'a Stödcentrum decision is final';
END $$;

-- Deletes what an approval named, all of it or nothing: the cases with their journal, track, Stödcentrum
-- decisions, consents and referrals, then the person records with their emergency accesses. A task that pointed
-- to a deleted case keeps its outreach encounter and loses the case. Runs once per approval.
CREATE FUNCTION casework.delete_approved_records(p_approval bigint) RETURNS TABLE (people integer, cases integer)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a retention.approvals%ROWTYPE;
    n_people integer;
    n_cases integer;
BEGIN
    SELECT * INTO a FROM retention.approvals WHERE id = p_approval FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no retention approval %', p_approval;
    END IF;
    IF a.deleted_at IS NOT NULL THEN
        RAISE EXCEPTION 'retention approval % has already been carried out', p_approval;
    END IF;
    IF EXISTS (SELECT 1 FROM casework.cases WHERE id = ANY(a.case_ids) AND status <> 'closed') THEN
        RAISE EXCEPTION 'retention approval % names an open case', p_approval;
    END IF;
    INSERT INTO retention.deletions (txid, approval_id) VALUES (txid_current(), p_approval);

    UPDATE casework.tasks SET case_id = NULL WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.referral_people WHERE referral_id IN
        (SELECT id FROM casework.referrals WHERE case_id = ANY(a.case_ids)) OR person_id = ANY(a.person_ids);
    DELETE FROM casework.referral_events WHERE referral_id IN
        (SELECT id FROM casework.referrals WHERE case_id = ANY(a.case_ids));
    DELETE FROM casework.referrals WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.consents WHERE case_id = ANY(a.case_ids) OR person_id = ANY(a.person_ids);
    DELETE FROM casework.journal_entries WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.stodcentrum_decisions WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.track_housing WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.track_permits WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.track_contacts WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.track_returns WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.track_home_links WHERE case_id = ANY(a.case_ids);
    DELETE FROM casework.case_people WHERE case_id = ANY(a.case_ids) OR person_id = ANY(a.person_ids);
    DELETE FROM casework.cases WHERE id = ANY(a.case_ids);
    GET DIAGNOSTICS n_cases = ROW_COUNT;
    DELETE FROM casework.emergency_access WHERE person_id = ANY(a.person_ids);
    DELETE FROM casework.persons WHERE id = ANY(a.person_ids);
    GET DIAGNOSTICS n_people = ROW_COUNT;

    UPDATE retention.approvals SET deleted_at = now() WHERE id = p_approval;
    DELETE FROM retention.deletions WHERE txid = txid_current();
    RETURN QUERY SELECT n_people, n_cases;
END $$;
REVOKE ALL ON FUNCTION casework.delete_approved_records(bigint) FROM PUBLIC;
