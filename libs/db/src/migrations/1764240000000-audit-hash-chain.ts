import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tamper-evident audit trail: every audit row carries the hash of the row before it in its chain (one
 * chain per item, one global chain for rows without an item) and its own hash over a canonical text.
 *
 * The hashes are computed by a BEFORE INSERT trigger, so every writer (activities, API services, the CLI)
 * is covered without code changes. Canonical text (mirrored in libs/db/src/audit/audit-chain.ts, which the
 * verification recomputes in Node): the fields event_key, item_id, task_id, actor, actor_role,
 * department_code, action, reason, detail::text, request_id, occurred_at (UTC, microseconds) and
 * previous_hash, each written as `<UTF-8 byte length>:<value>` or `-` for NULL, joined with `|`.
 * The length prefix makes the text unambiguous whatever the values contain.
 *
 * PostgreSQL's built-in sha256(bytea) (PG 11+) is used rather than pgcrypto: the same digest, without an
 * extension a managed database might not allow.
 */
export class AuditHashChain1764240000000 implements MigrationInterface {
  name = 'AuditHashChain1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit_events
        ADD COLUMN previous_hash varchar(64),
        ADD COLUMN record_hash   varchar(64);

      CREATE FUNCTION audit_chain_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
      $$;

      CREATE FUNCTION audit_events_record_hash(e audit_events) RETURNS varchar(64) LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|',
          audit_chain_field(e.event_key),
          audit_chain_field(e.item_id::text),
          audit_chain_field(e.task_id::text),
          audit_chain_field(e.actor),
          audit_chain_field(e.actor_role),
          audit_chain_field(e.department_code),
          audit_chain_field(e.action),
          audit_chain_field(e.reason),
          audit_chain_field(e.detail::text),
          audit_chain_field(e.request_id),
          audit_chain_field(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
          audit_chain_field(e.previous_hash)
        ), 'UTF8')), 'hex')
      $$;

      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tail varchar(64);
      BEGIN
        -- One writer per chain at a time, until its transaction ends, so that concurrent inserts cannot fork
        -- the chain. The two-key form keeps these locks apart from single-key ones (the migration lock).
        PERFORM pg_advisory_xact_lock(1764240, hashtext(coalesce(NEW.item_id::text, 'global')));
        -- The id is taken again under the lock: the default was drawn before it, so without this a row that
        -- waited could get a smaller id than the row it chains to, and id order would not be chain order.
        NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
        IF NEW.item_id IS NULL THEN
          SELECT record_hash INTO tail FROM audit_events WHERE item_id IS NULL ORDER BY id DESC LIMIT 1;
        ELSE
          SELECT record_hash INTO tail FROM audit_events WHERE item_id = NEW.item_id ORDER BY id DESC LIMIT 1;
        END IF;
        NEW.previous_hash := coalesce(tail, repeat('0', 64));
        NEW.record_hash := audit_events_record_hash(NEW);
        RETURN NEW;
      END;
      $$;
    `);

    // Backfill the rows written before the chain existed, oldest first. Only this migration may change
    // them: the append-only trigger is off for the backfill and on again in the same transaction.
    await queryRunner.query(`
      ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
      DO $$
      DECLARE
        r audit_events;
        tail varchar(64);
      BEGIN
        FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
          IF r.item_id IS NULL THEN
            SELECT record_hash INTO tail FROM audit_events WHERE item_id IS NULL AND id < r.id ORDER BY id DESC LIMIT 1;
          ELSE
            SELECT record_hash INTO tail FROM audit_events WHERE item_id = r.item_id AND id < r.id ORDER BY id DESC LIMIT 1;
          END IF;
          r.previous_hash := coalesce(tail, repeat('0', 64));
          UPDATE audit_events SET previous_hash = r.previous_hash, record_hash = audit_events_record_hash(r) WHERE id = r.id;
        END LOOP;
      END;
      $$;
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;

      ALTER TABLE audit_events
        ALTER COLUMN previous_hash SET NOT NULL,
        ALTER COLUMN record_hash SET NOT NULL;
      CREATE TRIGGER audit_events_hash_chain BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER audit_events_hash_chain ON audit_events;
      DROP FUNCTION audit_events_chain();
      DROP FUNCTION audit_events_record_hash(audit_events);
      DROP FUNCTION audit_chain_field(text);
      ALTER TABLE audit_events DROP COLUMN record_hash, DROP COLUMN previous_hash;
    `);
  }
}
