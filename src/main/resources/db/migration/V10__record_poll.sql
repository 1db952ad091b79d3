-- The record poll's watermark: per company, the latest last_change_date of a record the poll has seen (the next
-- poll asks GET /records with changed_after a little before it), and when the poll last went through every page.
-- Standard SQL: runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE record_poll (
    company_id     BIGINT        NOT NULL,
    changed_up_to  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    polled_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_record_poll PRIMARY KEY (company_id)
);
