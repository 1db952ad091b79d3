-- "Remember my number" (issue 4). Must run unchanged on H2 2.x and PostgreSQL.
-- A customer's phone and name for their next booking, kept only after they answered yes, deleted by
-- /forgetme. Both are encrypted with the bot's secret key (AES-256-GCM, "v1:" + base64), never stored in clear.
CREATE TABLE customer_contact (
    user_id       BIGINT        NOT NULL,
    phone_secret  VARCHAR(200)  NOT NULL,
    name_secret   VARCHAR(600)  NOT NULL,
    saved_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_contact PRIMARY KEY (user_id)
);
