-- db-scheduler's table (its PostgreSQL schema for version 16, in a schema of its own): one row per scheduled
-- execution of a job. The application's role gets SELECT, INSERT, UPDATE, DELETE on it from
-- afterMigrate__application_role.sql (every schema the owner owns), never DDL.
-- Only ids go into task_instance and task_data: both may appear in log lines.
CREATE SCHEMA scheduling;

CREATE TABLE scheduling.scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduling.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduling.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduling.scheduled_tasks (priority DESC, execution_time ASC);
