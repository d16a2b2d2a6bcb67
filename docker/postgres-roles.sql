-- The roles and databases of a deployment, run once by postgres-init.sh (psql, as the superuser) with the
-- passwords as psql variables. `npm run test:cluster` runs this same file on its embedded PostgreSQL.
--   temporal    owns Temporal's two databases;
--   zwgk_owner  owns the application's schema: the migrate job runs as it, so it owns the tables and the
--               audit log's triggers;
--   zwgk_app    what the API and the workers connect as: rows only. Not owning the tables, it cannot
--               ALTER TABLE … DISABLE TRIGGER or DROP TRIGGER, so the audit log's append-only and
--               hash-chain triggers hold even against the application's own credentials.
CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;

CREATE ROLE zwgk_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE zwgk_app LOGIN PASSWORD :'app_password';
CREATE DATABASE zwgk OWNER zwgk_owner;
REVOKE ALL ON DATABASE zwgk FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE zwgk TO zwgk_app;
\connect zwgk
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO zwgk_owner;
GRANT USAGE ON SCHEMA public TO zwgk_app;
-- Whatever the migrations create from now on, the app may read and write rows of, and nothing more.
ALTER DEFAULT PRIVILEGES FOR ROLE zwgk_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zwgk_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zwgk_owner IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO zwgk_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zwgk_owner IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO zwgk_app;
-- `npm run restore` (run as zwgk_owner) loads the saved rows with triggers and foreign-key checks off, so that
-- the audit log comes back exactly as saved; the owner could disable its own tables' triggers anyway, the app cannot.
GRANT SET ON PARAMETER session_replication_role TO zwgk_owner;
