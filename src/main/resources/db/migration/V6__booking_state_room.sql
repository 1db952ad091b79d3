-- A day with many free times (10-minute steps with "any specialist") made the booking state longer than
-- 4,000 characters, and the customer could not pick that day. The state keeps the free times of the chosen
-- day, so give it room. Standard SQL: runs unchanged on H2 2.x and PostgreSQL.
ALTER TABLE booking_state ALTER COLUMN state_json SET DATA TYPE VARCHAR(32000);
