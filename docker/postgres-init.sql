-- Temporal's auto-setup creates its own databases; this only makes sure the application database exists.
SELECT 'CREATE DATABASE zwgk' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'zwgk')\gexec
