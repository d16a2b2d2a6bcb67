#!/bin/sh
# Runs once, when the PostgreSQL volume is new (docker-entrypoint-initdb.d): the roles and databases of
# postgres-roles.sql, with the passwords from the environment. Fails (and so fails the container) on any error.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" -v owner_password="$ZWGK_OWNER_PASSWORD" -v app_password="$ZWGK_APP_PASSWORD" \
  -f /etc/zwgk/postgres-roles.sql
