-- Keyset paging (shared.Keyset): the shift list newest first by (shift_date, id).
CREATE INDEX shifts_date_id_idx ON outreach.shifts (shift_date, id);
