-- Follow-up: the city's programme and its action plan (development areas, measures and their yearly follow-ups
-- with evidence), budget assignments with status reports, manual indicator figures, generated reports, grants with
-- their payments and reminders. No personal data: everything here is about the organisation's work.
CREATE SCHEMA IF NOT EXISTS followup;

CREATE TABLE followup.programmes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(300)  NOT NULL,
    period_from date          NOT NULL,
    period_to   date          NOT NULL CHECK (period_to >= period_from),
    goals       varchar(4000),
    created_by  varchar(64)   NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE followup.action_plans (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id bigint       REFERENCES followup.programmes (id),
    name         varchar(300) NOT NULL,
    decided_on   date         NOT NULL,
    created_by   varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

-- the six areas of the plan: knowledge, prevention, outreach, treatment, support, cooperation
CREATE TABLE followup.development_areas (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id  bigint      NOT NULL REFERENCES followup.action_plans (id),
    code     varchar(20) NOT NULL CHECK (code IN ('knowledge', 'prevention', 'outreach', 'treatment', 'support',
                                                   'cooperation')),
    UNIQUE (plan_id, code)
);

CREATE TABLE followup.measures (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_id     bigint        NOT NULL REFERENCES followup.development_areas (id),
    text        varchar(2000) NOT NULL,
    owner       varchar(200)  NOT NULL,
    period_from date          NOT NULL,
    period_to   date          NOT NULL CHECK (period_to >= period_from),
    created_by  varchar(64)   NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX measures_area_idx ON followup.measures (area_id);

-- a follow-up of a measure for a period (yearly, or as often as the owner reports)
CREATE TABLE followup.measure_followups (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    measure_id  bigint        NOT NULL REFERENCES followup.measures (id),
    period_from date          NOT NULL,
    period_to   date          NOT NULL CHECK (period_to >= period_from),
    status      varchar(12)   NOT NULL CHECK (status IN ('not_started', 'ongoing', 'done', 'dropped')),
    account     varchar(2000),
    recorded_by varchar(64)   NOT NULL,
    recorded_at timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX measure_followups_measure_idx ON followup.measure_followups (measure_id, period_to);

-- evidence: an indicator of the catalogue over the follow-up's period (what the system already knows)
CREATE TABLE followup.followup_evidence (
    followup_id bigint      NOT NULL REFERENCES followup.measure_followups (id) ON DELETE CASCADE,
    indicator   varchar(60) NOT NULL,
    PRIMARY KEY (followup_id, indicator)
);

CREATE TABLE followup.budget_assignments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year       smallint      NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    text       varchar(2000) NOT NULL,
    committee  varchar(200)  NOT NULL,
    created_by varchar(64)   NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE followup.status_reports (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assignment_id bigint        NOT NULL REFERENCES followup.budget_assignments (id),
    reported_on   date          NOT NULL,
    account       varchar(4000) NOT NULL,
    report        varchar(200),
    recorded_by   varchar(64)   NOT NULL,
    recorded_at   timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX status_reports_assignment_idx ON followup.status_reports (assignment_id, reported_on);
