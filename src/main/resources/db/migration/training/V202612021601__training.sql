-- training: courses and their sessions, bookings by people outside (no account), the waitlist's offers, anonymous
-- evaluations, lectures without booking, and the counts kept when participants' personal data is deleted.
-- Units are identity's unit codes, trainers identity's user names, municipalities SCB codes (no foreign keys: a module
-- never reads another module's tables).
CREATE SCHEMA training;

CREATE TABLE training.courses (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title        varchar(200)  NOT NULL CHECK (length(btrim(title)) > 0),
    description  varchar(4000),
    audience     varchar(24)   NOT NULL CHECK (audience IN ('joined_municipalities', 'city_staff', 'professionals')),
    units        varchar(32)[] NOT NULL DEFAULT '{}',
    created_by   varchar(64)   NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE training.sessions (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id           bigint        NOT NULL REFERENCES training.courses (id),
    format              varchar(10)   NOT NULL CHECK (format IN ('digital', 'physical')),
    starts_at           timestamptz   NOT NULL,
    ends_at             timestamptz   NOT NULL CHECK (ends_at > starts_at),
    place               varchar(300),
    meeting_link        varchar(500),
    capacity            integer       NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    booking_opens       date          NOT NULL,
    booking_closes      date          NOT NULL CHECK (booking_closes >= booking_opens),
    quota_release_days  integer       NOT NULL DEFAULT 14 CHECK (quota_release_days BETWEEN 0 AND 365),
    quotas_released_at  timestamptz,
    trainers            varchar(64)[] NOT NULL DEFAULT '{}',
    state               varchar(10)   NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'cancelled')),
    reminder_sent_at    timestamptz,
    purged_at           timestamptz,
    created_by          varchar(64)   NOT NULL,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    CHECK (format <> 'digital' OR meeting_link IS NOT NULL),
    CHECK (format <> 'physical' OR place IS NOT NULL)
);
CREATE INDEX sessions_start_idx ON training.sessions (starts_at);
CREATE INDEX sessions_course_idx ON training.sessions (course_id);

-- seats held for a municipality's staff until quotas are released
CREATE TABLE training.quotas (
    session_id    bigint     NOT NULL REFERENCES training.sessions (id) ON DELETE CASCADE,
    municipality  char(4)    NOT NULL CHECK (municipality ~ '^[0-9]{4}$'),
    seats         integer    NOT NULL CHECK (seats BETWEEN 1 AND 10000),
    PRIMARY KEY (session_id, municipality)
);

-- a person's booking: personal data, deleted after the retention time (the counts move to session_counts)
CREATE TABLE training.bookings (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id       bigint        NOT NULL REFERENCES training.sessions (id),
    name             varchar(200)  NOT NULL,
    email            varchar(254)  NOT NULL,
    municipality     varchar(5)    NOT NULL CHECK (municipality ~ '^[0-9]{4}$' OR municipality = 'annan'),
    organisation     varchar(200)  NOT NULL,
    role             varchar(20)   NOT NULL,
    needs            varchar(1000),
    -- the language the person booked in: their mails are written in it
    lang             varchar(2)    NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
    state            varchar(12)   NOT NULL CHECK (state IN ('unconfirmed', 'booked', 'waitlisted', 'offered',
                                                             'cancelled', 'attended')),
    created_at       timestamptz   NOT NULL,
    confirmed_at     timestamptz,
    -- the place in the waitlist: the moment the booking was confirmed
    queued_at        timestamptz,
    cancelled_at     timestamptz,
    evaluation_sent  boolean       NOT NULL DEFAULT false
);
-- one booking per e-mail per session (a cancelled one does not count)
CREATE UNIQUE INDEX bookings_one_per_email ON training.bookings (session_id, lower(email)) WHERE state <> 'cancelled';
CREATE INDEX bookings_session_idx ON training.bookings (session_id, state);

-- single-purpose tokens of a booking, kept as their SHA-256 only
CREATE TABLE training.tokens (
    hash        bytea        PRIMARY KEY CHECK (length(hash) = 32),
    booking_id  bigint       NOT NULL REFERENCES training.bookings (id) ON DELETE CASCADE,
    purpose     varchar(12)  NOT NULL CHECK (purpose IN ('confirm', 'manage', 'offer', 'evaluation')),
    expires_at  timestamptz,
    used_at     timestamptz
);
CREATE INDEX tokens_booking_idx ON training.tokens (booking_id, purpose);

-- every waitlist offer and its outcome (no personal data: the booking goes when it is deleted)
CREATE TABLE training.offers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id  bigint       NOT NULL REFERENCES training.sessions (id),
    booking_id  bigint       REFERENCES training.bookings (id) ON DELETE SET NULL,
    offered_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    outcome     varchar(10)  NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'accepted', 'declined', 'expired',
                                                                         'withdrawn')),
    decided_at  timestamptz
);
CREATE UNIQUE INDEX offers_one_open ON training.offers (booking_id) WHERE outcome = 'open';
CREATE INDEX offers_due_idx ON training.offers (expires_at) WHERE outcome = 'open';

-- the counts that stay when a session's bookings are deleted
CREATE TABLE training.session_counts (
    session_id    bigint       NOT NULL REFERENCES training.sessions (id),
    municipality  varchar(5)   NOT NULL,
    role          varchar(20)  NOT NULL,
    booked        integer      NOT NULL CHECK (booked >= 0),
    attended      integer      NOT NULL CHECK (attended >= 0),
    PRIMARY KEY (session_id, municipality, role)
);

-- anonymous answers: a session and the answers, nothing else (no booking, no token, no time)
CREATE TABLE training.evaluations (
    id            uuid          PRIMARY KEY,
    session_id    bigint        NOT NULL REFERENCES training.sessions (id),
    satisfaction  smallint      NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
    usefulness    smallint      NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
    best          varchar(2000),
    improve       varchar(2000)
);
CREATE INDEX evaluations_session_idx ON training.evaluations (session_id);

-- lectures and information events where the target group is met: counted, not booked
CREATE TABLE training.lectures (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    held_on      date          NOT NULL,
    title        varchar(200)  NOT NULL CHECK (length(btrim(title)) > 0),
    audience     varchar(16)   NOT NULL CHECK (audience IN ('hotel', 'health_care', 'school', 'police',
                                                            'civil_society', 'other')),
    units        varchar(32)[] NOT NULL DEFAULT '{}',
    head_count   integer       NOT NULL CHECK (head_count BETWEEN 0 AND 100000),
    recorded_by  varchar(64)   NOT NULL,
    recorded_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX lectures_held_idx ON training.lectures (held_on);

-- the spam guard: hashed keys (an address, an e-mail) of recent booking attempts
CREATE TABLE training.attempts (
    key_hash    bytea        NOT NULL,
    at          timestamptz  NOT NULL
);
CREATE INDEX attempts_key_idx ON training.attempts (key_hash, at);
