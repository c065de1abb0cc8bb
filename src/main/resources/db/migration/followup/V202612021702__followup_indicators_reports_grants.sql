-- A figure reported from outside the system for an indicator of the catalogue (e.g. offered contact with
-- Stödcentrum), per period, with its source.
CREATE TABLE followup.manual_figures (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator   varchar(60)  NOT NULL,
    period_from date         NOT NULL,
    period_to   date         NOT NULL CHECK (period_to >= period_from),
    value       bigint       NOT NULL CHECK (value >= 0),
    source      varchar(300) NOT NULL,
    recorded_by varchar(64)  NOT NULL,
    recorded_at timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (indicator, period_from, period_to)
);

-- every generated report is kept: who, when, which period, and a hash of the file, so a figure quoted later can be
-- traced to the report it came from
CREATE TABLE followup.generated_reports (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         varchar(10) NOT NULL CHECK (kind IN ('annual', 'grant')),
    grant_id     bigint,
    period_from  date        NOT NULL,
    period_to    date        NOT NULL,
    format       varchar(4)  NOT NULL CHECK (format IN ('pdf', 'docx')),
    suppressed   boolean     NOT NULL,
    sha256       char(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    figures_hash char(64)    NOT NULL CHECK (figures_hash ~ '^[0-9a-f]{64}$'),
    generated_by varchar(64) NOT NULL,
    generated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX generated_reports_at_idx ON followup.generated_reports (generated_at DESC);

CREATE TABLE followup.grants (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grantor            varchar(200)  NOT NULL,
    decided_on         date          NOT NULL,
    amount_sek         bigint        NOT NULL CHECK (amount_sek > 0),
    purpose            varchar(2000) NOT NULL,
    period_from        date          NOT NULL,
    period_to          date          NOT NULL CHECK (period_to >= period_from),
    positions          varchar(300),
    conditions         varchar(2000),
    report_due         date          NOT NULL,
    report_approved_on date,
    created_by         varchar(64)   NOT NULL,
    created_at         timestamptz   NOT NULL DEFAULT now()
);

-- a part of the grant: its share, the condition it is paid on and its status; a payment on the final report's
-- approval is withheld until the report is approved
CREATE TABLE followup.grant_payments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_id    bigint      NOT NULL REFERENCES followup.grants (id),
    position    smallint    NOT NULL,
    percent     smallint    NOT NULL CHECK (percent BETWEEN 1 AND 100),
    amount_sek  bigint      NOT NULL CHECK (amount_sek >= 0),
    condition   varchar(20) NOT NULL CHECK (condition IN ('on_decision', 'on_report_approved')),
    status      varchar(10) NOT NULL CHECK (status IN ('expected', 'received', 'withheld')),
    expected_on date,
    received_on date,
    UNIQUE (grant_id, position),
    CHECK ((status = 'received') = (received_on IS NOT NULL))
);

-- reminders made by the daily job: one per grant, kind and day (the report's due date minus the configured days, or
-- the day a payment became late); shown on the start page until the report is approved or the payment received
CREATE TABLE followup.grant_reminders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_id   bigint      NOT NULL REFERENCES followup.grants (id),
    payment_id bigint      NOT NULL DEFAULT 0,
    kind       varchar(20) NOT NULL CHECK (kind IN ('report_due', 'payment_late')),
    due        date        NOT NULL,
    made_on    date        NOT NULL,
    UNIQUE (grant_id, payment_id, kind, made_on)
);
