-- Reminders of visits (issue 11). Must run unchanged on H2 2.x and PostgreSQL.
-- Instants are TIMESTAMP WITH TIME ZONE and are always written in UTC.

-- db-scheduler's table (the library's PostgreSQL layout, written for both databases: VARCHAR instead of TEXT,
-- which H2 would make a CLOB that cannot be a key). One row per pending reminder: task 'visit-reminder', instance
-- '<company>-<record>-<offset minutes>'; task_data stays NULL (nothing is serialized). The scheduler deletes a row
-- once the reminder is done.
CREATE TABLE scheduled_tasks (
    task_name             VARCHAR(100)  NOT NULL,
    task_instance         VARCHAR(200)  NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    picked                BOOLEAN       NOT NULL,
    picked_by             VARCHAR(50),
    last_success          TIMESTAMP(6) WITH TIME ZONE,
    last_failure          TIMESTAMP(6) WITH TIME ZONE,
    consecutive_failures  INTEGER,
    last_heartbeat        TIMESTAMP(6) WITH TIME ZONE,
    version               BIGINT        NOT NULL,
    priority              SMALLINT,
    CONSTRAINT pk_scheduled_tasks PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- What became of each reminder: sent (SENT), not deliverable (UNDELIVERED), or decided not to send (SKIPPED),
-- for one visit, one offset and the visit's start (a visit moved to another time gets its reminders again). Written
-- right after the message went out: the one window in which a reminder can go twice is between Telegram's answer
-- and this row's commit. Deleted two days after the visit, and on /forgetme.
CREATE TABLE reminder_log (
    company_id      BIGINT        NOT NULL,
    record_id       BIGINT        NOT NULL,
    offset_minutes  INTEGER       NOT NULL,
    visit_start     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    user_id         BIGINT        NOT NULL,
    outcome         VARCHAR(16)   NOT NULL,
    done_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_reminder_log PRIMARY KEY (company_id, record_id, offset_minutes, visit_start)
);

CREATE INDEX ix_reminder_log_user ON reminder_log (user_id);
CREATE INDEX ix_reminder_log_visit_start ON reminder_log (visit_start);

-- A customer's answer to /reminders off|on, with its time (no row: reminders on).
CREATE TABLE reminder_choice (
    user_id     BIGINT    NOT NULL,
    enabled     BOOLEAN   NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_reminder_choice PRIMARY KEY (user_id)
);

-- "I'll come" pressed for a visit: a second tap (or an older reminder's button) makes no call to YCLIENTS.
CREATE TABLE visit_confirmation (
    company_id    BIGINT       NOT NULL,
    record_id     BIGINT       NOT NULL,
    user_id       BIGINT       NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    confirmed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_visit_confirmation PRIMARY KEY (company_id, record_id)
);

CREATE INDEX ix_visit_confirmation_user ON visit_confirmation (user_id);
