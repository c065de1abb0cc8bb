-- identity: a second factor (TOTP) for password logins, recovery codes, and the identity a user has at the
-- organisation's identity provider (OIDC).

-- One TOTP secret per user, encrypted with AES-GCM under the second-factor key (identity.SecretBox: kept outside the
-- database, like the audit key). last_step: the last 30-second step whose code was accepted, so that a code is
-- accepted once (RFC 6238, section 5.2).
CREATE TABLE identity.second_factors (
    user_id      bigint      PRIMARY KEY REFERENCES identity.users (id) ON DELETE CASCADE,
    totp_secret  bytea       NOT NULL,
    last_step    bigint      NOT NULL DEFAULT 0,
    enrolled_at  timestamptz NOT NULL DEFAULT now()
);

-- Recovery codes: only the SHA-256 of each (random, 50 bits), each usable once.
CREATE TABLE identity.recovery_codes (
    user_id    bigint      NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    code_hash  char(64)    NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- The user's identity at the identity provider (the configured claim, e.g. preferred_username or an HSA-id),
-- set by an administrator. A user without one cannot log in through the provider.
ALTER TABLE identity.users ADD COLUMN external_id varchar(200)
    CHECK (external_id IS NULL OR (length(trim(external_id)) > 0 AND external_id !~ '[[:cntrl:]]'));
CREATE UNIQUE INDEX users_external_id_key ON identity.users (external_id);
