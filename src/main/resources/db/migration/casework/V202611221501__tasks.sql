-- casework: tasks for a unit (e.g. a child met on a shift: contact the guardians, file a report of concern)
CREATE SCHEMA IF NOT EXISTS casework;

CREATE TABLE casework.tasks (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code       varchar(32) NOT NULL,
    kind            varchar(30) NOT NULL CHECK (kind IN ('contact_guardians', 'concern_report')),
    due_date        date        NOT NULL,
    shift_id        bigint,                 -- outreach shift and encounter the task comes from
    encounter_id    bigint,
    municipality    char(4),                -- whose social services the report of concern goes to
    done_on         date,
    done_to         varchar(300),           -- to whom: "vårdnadshavare", "Huddinge socialtjänst"
    done_by         varchar(64),
    historical      boolean     NOT NULL DEFAULT false,  -- closed at creation: an import of old shifts
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((done_on IS NULL) = (done_by IS NULL)),
    UNIQUE (encounter_id, kind)
);
CREATE INDEX tasks_open_idx ON casework.tasks (unit_code, due_date) WHERE done_on IS NULL;
