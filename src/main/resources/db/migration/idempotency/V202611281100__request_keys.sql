-- idempotency: a form or an API request that a person or a client may send twice (a double tap, a slow network,
-- back and resend, a retry) is carried out once. Its key is written in the transaction of the work it stands for,
-- with the first answer; a repeat finds the row (or waits for the first transaction) and gets that answer again.
CREATE SCHEMA IF NOT EXISTS idempotency;

CREATE TABLE idempotency.request_keys (
    -- the key belongs to its user: one user can never replay another's
    username     varchar(64)   NOT NULL,
    -- what was done and the request's path (ids only), e.g. 'journal.sign /cases/12/journal'
    operation    varchar(200)  NOT NULL,
    -- the form's hidden token, or the API's Idempotency-Key header
    idem_key     varchar(255)  NOT NULL,
    -- SHA-256 of an API request's body, so that a key reused for another request is refused; null for forms
    fingerprint  char(64),
    -- the first answer: the API's status, the Location or the form's redirect target, and an API body that holds
    -- only ids (an answer with personal data is read again through its service on a repeat, never stored here)
    status       smallint,
    location     varchar(2000),
    body         text,
    created_at   timestamptz   NOT NULL,
    expires_at   timestamptz   NOT NULL,
    PRIMARY KEY (username, operation, idem_key),
    CHECK (expires_at > created_at)
);
-- expired keys are deleted lazily, a few at a time, by the requests that come after them
CREATE INDEX request_keys_expiry_idx ON idempotency.request_keys (expires_at);
