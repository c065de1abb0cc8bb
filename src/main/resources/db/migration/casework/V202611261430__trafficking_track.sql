-- casework: the trafficking track of a case (regional coordinators' work; any unit's case may use it).
-- Only the case's own unit records; every row names who recorded it. Rows are added and completed
-- (an end date, a decision, a return date, a follow-up done), never deleted.

-- Protected housing placements (skyddat boende).
CREATE TABLE casework.track_housing (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint       NOT NULL REFERENCES casework.cases (id),
    from_date   date         NOT NULL,
    to_date     date,
    provider    varchar(200) NOT NULL CHECK (length(btrim(provider)) > 0),
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX track_housing_case_idx ON casework.track_housing (case_id);

-- Reflection period (betänketid) and temporary residence permit: the application sent to Migrationsverket,
-- the decision, and how long a granted permit is valid. The newest application of a case (by date sent, then
-- by id) supersedes the older ones for the expiry reminder.
CREATE TABLE casework.track_permits (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      bigint      NOT NULL REFERENCES casework.cases (id),
    kind         varchar(20) NOT NULL CHECK (kind IN ('reflection_period', 'temporary_permit')),
    applied_on   date        NOT NULL,
    decision     varchar(8)  CHECK (decision IN ('granted', 'refused')),
    decided_on   date,
    valid_until  date,
    created_by   varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    decided_by   varchar(64),
    CHECK ((decision IS NULL) = (decided_on IS NULL)),
    CHECK (decided_on IS NULL OR decided_on >= applied_on),
    CHECK ((decision IS NOT DISTINCT FROM 'granted') = (valid_until IS NOT NULL)),
    CHECK (valid_until IS NULL OR valid_until >= decided_on)
);
CREATE INDEX track_permits_case_idx ON casework.track_permits (case_id, applied_on);
CREATE INDEX track_permits_valid_idx ON casework.track_permits (valid_until) WHERE decision = 'granted';

-- Police and prosecutor contacts the worker attended (police interview, prosecutor meeting, court hearing).
CREATE TABLE casework.track_contacts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id       bigint        NOT NULL REFERENCES casework.cases (id),
    contact_date  date          NOT NULL,
    kind          varchar(20)   NOT NULL CHECK (kind IN ('police_interview', 'prosecutor_meeting', 'court_hearing', 'other')),
    note          varchar(1000),
    created_by    varchar(64)   NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX track_contacts_case_idx ON casework.track_contacts (case_id, contact_date);

-- IOM's voluntary return programme: applied, returned, and the follow-up that runs a configured period
-- (six months) after the return until a worker marks it done.
CREATE TABLE casework.track_returns (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id            bigint      NOT NULL REFERENCES casework.cases (id),
    applied_on         date        NOT NULL,
    return_date        date,
    follow_up_done_on  date,
    follow_up_done_by  varchar(64),
    created_by         varchar(64) NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (return_date IS NULL OR return_date >= applied_on),
    CHECK (follow_up_done_on IS NULL OR (return_date IS NOT NULL AND follow_up_done_on >= return_date)),
    CHECK ((follow_up_done_on IS NULL) = (follow_up_done_by IS NULL))
);
CREATE INDEX track_returns_case_idx ON casework.track_returns (case_id);
CREATE INDEX track_returns_follow_up_idx ON casework.track_returns (return_date) WHERE follow_up_done_on IS NULL;

-- Linking to the person's home municipality (SCB code) or a home abroad: when contacted, and a note.
CREATE TABLE casework.track_home_links (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id       bigint        NOT NULL REFERENCES casework.cases (id),
    municipality  varchar(7)    NOT NULL CHECK (municipality ~ '^[0-9]{4}$' OR municipality = 'abroad'),
    contacted_on  date          NOT NULL,
    note          varchar(1000),
    created_by    varchar(64)   NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX track_home_links_case_idx ON casework.track_home_links (case_id);
