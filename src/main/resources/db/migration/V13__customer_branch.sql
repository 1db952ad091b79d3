-- A chain's customers pick their branch (issue 13): the branch each customer chose, so /services and /book go
-- straight to it next time. Must run unchanged on H2 2.x and PostgreSQL. Only the choice is kept (never the
-- location a customer shared to find the nearest branch); /forgetme deletes the row.
CREATE TABLE customer_branch (
    user_id    BIGINT    NOT NULL PRIMARY KEY,
    company_id BIGINT    NOT NULL,
    chosen_at  TIMESTAMP NOT NULL
);
