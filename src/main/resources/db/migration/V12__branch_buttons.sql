-- Several branches in one bot (issue 13): a service button belongs to a branch (a YCLIENTS company).
-- Must run unchanged on H2 2.x and PostgreSQL.
-- company_id 0 means "no branch yet": the buttons of a database from before this version, and buttons added before
-- any company was set. At start the bot gives them to its (first) branch, so an existing single-company bot keeps
-- every button; a single-company bot keeps all its buttons on its one company.
ALTER TABLE service_mapping ADD COLUMN company_id BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE service_mapping DROP CONSTRAINT uq_service_mapping_service_staff;
ALTER TABLE service_mapping ADD CONSTRAINT uq_service_mapping_company_service_staff UNIQUE (company_id, service_id, staff_id);
