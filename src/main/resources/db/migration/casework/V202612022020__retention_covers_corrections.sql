-- Retention (casework.delete_approved_records) deletes a person's and a case's records; the corrections' history
-- (person_changes, case_changes: old and new values) is part of those records and goes with them, so that nothing of
-- a deleted record's content stays behind. Only the retention function can delete persons and cases.
ALTER TABLE casework.person_changes
    DROP CONSTRAINT person_changes_person_id_fkey,
    ADD CONSTRAINT person_changes_person_id_fkey FOREIGN KEY (person_id) REFERENCES casework.persons (id) ON DELETE CASCADE;
ALTER TABLE casework.case_changes
    DROP CONSTRAINT case_changes_case_id_fkey,
    ADD CONSTRAINT case_changes_case_id_fkey FOREIGN KEY (case_id) REFERENCES casework.cases (id) ON DELETE CASCADE;
