-- The outbox: every mail is written here in the transaction of the work that causes it, and sent by one worker
-- (a scheduled job) with retries. A sent mail is kept for skyddsnat.mail.retention (30 days) and then deleted by
-- a scheduled job; a mail not yet sent is kept until it is. last_error holds exception class names only, never
-- a mail's content or an address.
CREATE SCHEMA mail;

CREATE TABLE mail.outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      uuid        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    recipient       varchar(254) NOT NULL,
    subject         varchar(255) NOT NULL,
    body_text       text        NOT NULL CHECK (length(body_text) <= 100000),
    body_html       text        CHECK (length(body_html) <= 200000),
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz,
    last_error      varchar(300),
    sent_at         timestamptz,
    CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);

-- the worker's query: the pending mails that are due, oldest first
CREATE INDEX outbox_due ON mail.outbox (next_attempt_at, id) WHERE state = 'pending';
-- the retention job's query
CREATE INDEX outbox_sent ON mail.outbox (sent_at) WHERE state = 'sent';

CREATE TABLE mail.outbox_attachments (
    mail_id      bigint       NOT NULL REFERENCES mail.outbox (id) ON DELETE CASCADE,
    position     smallint     NOT NULL CHECK (position >= 0),
    file_name    varchar(255) NOT NULL,
    content_type varchar(255) NOT NULL,
    content      bytea        NOT NULL,
    PRIMARY KEY (mail_id, position)
);
