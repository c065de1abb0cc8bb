-- identity: units, users, roles, unit memberships, API tokens
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.units (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        varchar(32)  NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    name        varchar(200) NOT NULL CHECK (length(trim(name)) > 0),
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO identity.units (code, name) VALUES
    ('MIKA', 'Mikamottagningen'),
    ('KAST', 'KAST'),
    ('RK_VUXNA', 'Regionkoordinatorer vuxna'),
    ('RK_BARN', 'Regionkoordinatorer barn'),
    ('UNGDOMSJOUREN', 'Ungdomsjouren'),
    ('STODCENTRUM', 'Stödcentrum'),
    ('SOCIALJOUREN', 'Socialjouren');

CREATE TABLE identity.users (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             varchar(64)  NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name         varchar(200) NOT NULL CHECK (length(trim(display_name)) > 0),
    password_hash        varchar(200) NOT NULL,
    must_change_password boolean      NOT NULL DEFAULT false,
    enabled              boolean      NOT NULL DEFAULT true,
    failed_attempts      integer      NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until         timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON identity.users (username);

CREATE TABLE identity.user_roles (
    user_id bigint      NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    role    varchar(20) NOT NULL CHECK (role IN ('ADMIN', 'COORDINATOR', 'MANAGER', 'CASEWORKER', 'ANALYST')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE identity.user_units (
    user_id bigint NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    unit_id bigint NOT NULL REFERENCES identity.units (id),
    PRIMARY KEY (user_id, unit_id)
);
CREATE INDEX user_units_unit_idx ON identity.user_units (unit_id);

-- Bearer tokens for API clients: only the SHA-256 of the token is stored.
CREATE TABLE identity.api_tokens (
    token_hash  char(64)    PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX api_tokens_expires_idx ON identity.api_tokens (expires_at);
CREATE INDEX api_tokens_user_idx ON identity.api_tokens (user_id);
