-- region: consultations in individual cases given to municipal professionals.
-- No personal data about the client: there is no free-text column on purpose.
-- The unit is identity's unit code (no foreign key: a module never reads another module's tables).
CREATE TABLE region.consultations (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consulted_on    date        NOT NULL,
    municipality    char(4)     NOT NULL REFERENCES region.municipalities (code),
    unit            varchar(32) NOT NULL CHECK (unit ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    channel         varchar(12) NOT NULL CHECK (channel IN ('phone', 'digital', 'in_person')),
    topic           varchar(24) NOT NULL CHECK (topic IN ('trafficking_suspicion', 'minor', 'buyer', 'other')),
    minutes         integer     NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    recorded_by     varchar(64) NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
-- the list (a period, newest first, optionally one municipality) and the usage report (per municipality)
CREATE INDEX consultations_date_idx ON region.consultations (consulted_on DESC, municipality);
-- a caseworker's list: their units in a period
CREATE INDEX consultations_unit_idx ON region.consultations (unit, consulted_on DESC);

-- region: the dialogue with municipalities outside the offer (who was contacted, and the outcome)
CREATE TABLE region.dialogue_entries (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality      char(4)       NOT NULL REFERENCES region.municipalities (code),
    contacted_on      date          NOT NULL,
    contact           varchar(200)  NOT NULL CHECK (length(btrim(contact)) > 0),
    outcome           varchar(1000) NOT NULL CHECK (length(btrim(outcome)) > 0),
    recorded_by       varchar(64)   NOT NULL,
    recorded_by_name  varchar(200)  NOT NULL,
    recorded_at       timestamptz   NOT NULL DEFAULT now()
);
-- a municipality's entries newest first, and its last contact
CREATE INDEX dialogue_entries_municipality_idx ON region.dialogue_entries (municipality, contacted_on DESC, id DESC);

-- region: meetings of the steering group (styrgrupp) and the preparation group (beredningsgrupp)
CREATE TABLE region.meetings (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    held_on      date          NOT NULL,
    kind         varchar(12)   NOT NULL CHECK (kind IN ('steering', 'preparation')),
    decisions    varchar(4000) CHECK (decisions IS NULL OR length(btrim(decisions)) > 0),
    recorded_by  varchar(64)   NOT NULL,
    recorded_at  timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (held_on, kind)
);
-- the UNIQUE index (held_on, kind) serves the per-year queries

CREATE TABLE region.meeting_municipalities (
    meeting_id    bigint  NOT NULL REFERENCES region.meetings (id) ON DELETE CASCADE,
    municipality  char(4) NOT NULL REFERENCES region.municipalities (code),
    PRIMARY KEY (meeting_id, municipality)
);
