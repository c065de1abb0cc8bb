-- casework: corrections that leave a trace. A person's record has a version (optimistic concurrency: an edit made
-- on an older version is refused, not lost), and every changed field is kept with its old and new value, read only
-- within need-to-know (the audit row names the fields changed and points here; values never go to the audit log).
ALTER TABLE casework.persons ADD COLUMN version integer NOT NULL DEFAULT 0;

CREATE TABLE casework.person_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   bigint       NOT NULL REFERENCES casework.persons (id),
    version     integer      NOT NULL,              -- the version the change made
    field       varchar(32)  NOT NULL,
    old_value   varchar(300),
    new_value   varchar(300),
    changed_by  varchar(64)  NOT NULL,
    changed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX person_changes_person_idx ON casework.person_changes (person_id, id);

-- A case's state changes with their reasons: responsible worker changed, closed, reopened.
CREATE TABLE casework.case_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint        NOT NULL REFERENCES casework.cases (id),
    change      varchar(16)   NOT NULL CHECK (change IN ('responsible', 'closed', 'reopened')),
    old_value   varchar(64),
    new_value   varchar(64),
    reason      varchar(1000),
    changed_by  varchar(64)   NOT NULL,
    changed_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX case_changes_case_idx ON casework.case_changes (case_id, id);

-- Emergency access ended early by a manager.
ALTER TABLE casework.emergency_access ADD COLUMN ended_by varchar(64), ADD COLUMN ended_at timestamptz;

-- A task closed because its shift or encounter was voided ("makulerad").
ALTER TABLE casework.tasks ADD COLUMN voided boolean NOT NULL DEFAULT false;

-- A consent withdrawn by the person: it no longer covers a new external referral (one sent already keeps the consent
-- it was sent under, and shows that it has been withdrawn since).
ALTER TABLE casework.consents ADD COLUMN withdrawn_at timestamptz, ADD COLUMN withdrawn_by varchar(64),
    ADD COLUMN withdraw_reason varchar(500),
    ADD CONSTRAINT consents_withdrawn_check CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL));
