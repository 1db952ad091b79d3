-- Updates received from Telegram but not yet handled (the poller writes them here before it lets the
-- library confirm them), and the ids of handled updates (so a replayed update is not answered twice).
-- Must run unchanged on H2 2.x and PostgreSQL.

CREATE TABLE inbox_update (
    update_id     BIGINT        NOT NULL,
    chat_id       BIGINT        NOT NULL,
    payload       TEXT          NOT NULL,
    received_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_inbox_update PRIMARY KEY (update_id)
);

CREATE TABLE handled_update (
    update_id     BIGINT        NOT NULL,
    handled_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_handled_update PRIMARY KEY (update_id)
);

CREATE INDEX ix_handled_update_handled_at ON handled_update (handled_at);
