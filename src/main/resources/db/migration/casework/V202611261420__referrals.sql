-- casework: referrals and handovers (one state machine) and the consents that let personal data leave the
-- organisation.

-- A person's consent to have their data passed on, recorded in a case by a worker of the case's unit.
CREATE TABLE casework.consents (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      bigint       NOT NULL REFERENCES casework.cases (id),
    person_id    bigint       NOT NULL REFERENCES casework.persons (id),
    kind         varchar(8)   NOT NULL CHECK (kind IN ('written', 'oral')),
    given_on     date         NOT NULL,
    scope        varchar(500) NOT NULL,   -- to whom and for what, in the person's words as far as possible
    recorded_by  varchar(64)  NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    FOREIGN KEY (case_id, person_id) REFERENCES casework.case_people (case_id, person_id)
);
CREATE INDEX consents_case_person_idx ON casework.consents (case_id, person_id);

-- A referral or handover from the case's unit to another unit (internal) or to a body outside the organisation.
-- draft → sent → accepted | declined; accepted → closed; draft and sent may be withdrawn → closed.
CREATE TABLE casework.referrals (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id          bigint        NOT NULL REFERENCES casework.cases (id),
    from_unit        varchar(32)   NOT NULL,
    target_kind      varchar(16)   NOT NULL CHECK (target_kind IN ('unit', 'municipality', 'district', 'health_care',
                                                                   'organisation')),
    to_unit          varchar(32),
    municipality     char(4)       CHECK (municipality ~ '^[0-9]{4}$'),
    recipient_name   varchar(200)  NOT NULL,  -- the unit's or municipality's name at the time, or as typed
    summary          varchar(4000),
    state            varchar(10)   NOT NULL DEFAULT 'draft'
                                   CHECK (state IN ('draft', 'sent', 'accepted', 'declined', 'closed')),
    created_by       varchar(64)   NOT NULL,
    created_at       timestamptz   NOT NULL,
    sent_at          timestamptz,
    answered_at      timestamptz,
    closed_at        timestamptz,
    decline_reason   varchar(1000),
    override_reason  varchar(1000),
    override_by      varchar(64),
    CHECK ((target_kind = 'unit') = (to_unit IS NOT NULL)),
    CHECK ((target_kind = 'municipality') = (municipality IS NOT NULL)),
    CHECK (to_unit IS NULL OR to_unit <> from_unit),
    CHECK (state = 'draft' OR sent_at IS NOT NULL OR closed_at IS NOT NULL),
    CHECK (sent_at IS NULL OR length(btrim(summary)) > 0),
    CHECK (state NOT IN ('accepted', 'declined') OR (target_kind = 'unit' AND answered_at IS NOT NULL)),
    CHECK ((state = 'declined') = (decline_reason IS NOT NULL)),
    CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
    CHECK ((override_reason IS NULL) = (override_by IS NULL)),
    CHECK (override_reason IS NULL OR (target_kind <> 'unit' AND length(btrim(override_reason)) >= 10))
);
CREATE INDEX referrals_case_idx ON casework.referrals (case_id);
CREATE INDEX referrals_incoming_idx ON casework.referrals (to_unit, state) WHERE to_unit IS NOT NULL;

-- The people a referral is about; consent_id is the consent that covered each one when it was sent outside.
CREATE TABLE casework.referral_people (
    referral_id  bigint NOT NULL REFERENCES casework.referrals (id),
    person_id    bigint NOT NULL REFERENCES casework.persons (id),
    consent_id   bigint REFERENCES casework.consents (id),
    PRIMARY KEY (referral_id, person_id)
);

-- Every transition: who, when, from which state to which (from_state NULL = created).
CREATE TABLE casework.referral_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id  bigint        NOT NULL REFERENCES casework.referrals (id),
    from_state   varchar(10),
    to_state     varchar(10)   NOT NULL,
    actor        varchar(64)   NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    note         varchar(1000)
);
CREATE INDEX referral_events_referral_idx ON casework.referral_events (referral_id, id);
