-- casework: a concern-report task for a child met in outreach points to the case opened from that encounter
ALTER TABLE casework.tasks ADD COLUMN case_id bigint REFERENCES casework.cases (id);
CREATE INDEX tasks_encounter_idx ON casework.tasks (encounter_id);
CREATE INDEX cases_encounter_idx ON casework.cases (encounter_id) WHERE encounter_id IS NOT NULL;
