-- identity: what every node must share so that any node can serve any request.

-- The HTTP sessions (Spring Session JDBC; spring.session.jdbc.table-name=identity.spring_session): the tables of
-- spring-session-jdbc's schema-postgresql.sql, in this schema. The attributes are the serialised security context,
-- the CSRF token and flash messages; a session ends after SKYDDSNAT_SESSION_TIMEOUT without a request, and every
-- node deletes expired ones.
CREATE TABLE identity.spring_session (
    primary_id             char(36)     NOT NULL,
    session_id             char(36)     NOT NULL,
    creation_time          bigint       NOT NULL,
    last_access_time       bigint       NOT NULL,
    max_inactive_interval  int          NOT NULL,
    expiry_time            bigint       NOT NULL,
    principal_name         varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON identity.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON identity.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON identity.spring_session (principal_name);

CREATE TABLE identity.spring_session_attributes (
    session_primary_id  char(36)     NOT NULL,
    attribute_name      varchar(200) NOT NULL,
    attribute_bytes     bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES identity.spring_session (primary_id) ON DELETE CASCADE
);

-- The login throttle's failed attempts (identity.LoginThrottle), for every node: per client address and per user
-- name, within the throttle window; older rows are deleted as new ones come.
CREATE TABLE identity.login_failures (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    failed_at  timestamptz  NOT NULL,
    client     varchar(100) NOT NULL,
    username   varchar(64)  NOT NULL
);
CREATE INDEX login_failures_client_idx ON identity.login_failures (client, failed_at);
CREATE INDEX login_failures_username_idx ON identity.login_failures (username, failed_at);
CREATE INDEX login_failures_failed_at_idx ON identity.login_failures (failed_at);
