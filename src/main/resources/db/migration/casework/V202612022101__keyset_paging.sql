-- Keyset paging (shared.Keyset): the case list newest first by (opened_on, id); people page by their id (the key).
CREATE INDEX cases_opened_idx ON casework.cases (opened_on, id);
