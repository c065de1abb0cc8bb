-- casework: people, cases and who may see them
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A person the units help. Identified (personnummer/samordningsnummer and name) or anonymous (an alias the
-- person chose, birth year or age band, gender). search_text is name and alias in lower case without
-- diacritics ("åsa" → "asa"), for the trigram index.
CREATE TABLE casework.persons (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    personal_number   char(12)     CHECK (personal_number ~ '^[0-9]{12}$'),
    name              varchar(200),
    alias             varchar(100),
    birth_year        integer      CHECK (birth_year BETWEEN 1900 AND 2100),
    age_band          varchar(8)   CHECK (age_band IN ('0-12', '13-17', '18-25', '26-35', '36-50', '51+')),
    gender            varchar(8)   NOT NULL CHECK (gender IN ('female', 'male', 'other', 'unknown')),
    phone             varchar(40),
    email             varchar(200),
    address           varchar(300),
    protection        varchar(24)  NOT NULL DEFAULT 'none'
                                   CHECK (protection IN ('none', 'marking', 'protected_registration')),
    home_municipality varchar(7),
    unit_code         varchar(32)  NOT NULL,   -- the unit that registered the person
    search_text       varchar(400) NOT NULL,
    created_by        varchar(64)  NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CHECK ((personal_number IS NOT NULL AND name IS NOT NULL) OR (personal_number IS NULL AND alias IS NOT NULL))
);
-- one record per person and unit: units are separate secrecy domains, so a unit cannot learn from a refusal
-- that another unit knows the person
CREATE UNIQUE INDEX persons_unit_number_idx ON casework.persons (unit_code, personal_number);
CREATE INDEX persons_number_idx ON casework.persons (personal_number);
CREATE INDEX persons_search_idx ON casework.persons USING gin (search_text gin_trgm_ops);
CREATE INDEX persons_unit_idx ON casework.persons (unit_code);
CREATE INDEX persons_name_year_idx ON casework.persons (lower(name), birth_year);

-- A case (ärende) belongs to a unit.
CREATE TABLE casework.cases (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code     varchar(32)  NOT NULL,
    kind          varchar(24)  NOT NULL CHECK (kind IN ('mika_support', 'kast_counselling', 'trafficking',
                                                        'youth', 'stodcentrum_support', 'acute')),
    responsible   varchar(64)  NOT NULL,
    status        varchar(8)   NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    opened_on     date         NOT NULL,
    reason        varchar(1000) NOT NULL,
    closed_on     date,
    outcome       varchar(24)  CHECK (outcome IN ('left_prostitution', 'returned_home', 'referred_on',
                                                  'no_further_contact', 'other')),
    encounter_id  bigint,                   -- the outreach encounter the case was opened from
    created_by    varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
    CHECK ((status = 'closed') = (outcome IS NOT NULL)),
    CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX cases_unit_idx ON casework.cases (unit_code, status);

CREATE TABLE casework.case_people (
    case_id    bigint      NOT NULL REFERENCES casework.cases (id),
    person_id  bigint      NOT NULL REFERENCES casework.persons (id),
    role       varchar(10) NOT NULL CHECK (role IN ('exposed', 'buyer', 'relative', 'child')),
    PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_people_person_idx ON casework.case_people (person_id);

-- Another unit that may see a case: given by an accepted internal referral.
CREATE TABLE casework.case_shares (
    case_id      bigint      NOT NULL REFERENCES casework.cases (id),
    unit_code    varchar(32) NOT NULL,
    referral_id  bigint,
    shared_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, unit_code)
);
CREATE INDEX case_shares_unit_idx ON casework.case_shares (unit_code);

-- Emergency access (nödåtkomst) to a person and the person's cases: a user outside their units, a stated
-- reason, a limited time; flagged to the units' managers until one of them has reviewed it.
CREATE TABLE casework.emergency_access (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    bigint       NOT NULL REFERENCES casework.persons (id),
    username     varchar(64)  NOT NULL,
    reason       varchar(500) NOT NULL,
    granted_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    reviewed_by  varchar(64),
    reviewed_at  timestamptz,
    review_note  varchar(500),
    CHECK (expires_at > granted_at),
    CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
);
CREATE INDEX emergency_access_user_idx ON casework.emergency_access (username, expires_at);
CREATE INDEX emergency_access_unreviewed_idx ON casework.emergency_access (person_id) WHERE reviewed_at IS NULL;
