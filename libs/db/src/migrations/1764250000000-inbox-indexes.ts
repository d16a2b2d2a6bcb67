import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox at a million tasks. The inbox query (apps/api/src/tasks/inbox-query.ts) reads each visibility
 * branch (assigned to me / the pool of one of my roles / escalated to the department head) as its own
 * index-ordered range scan with a LIMIT, so every index below leads with the branch's equality columns,
 * then the sort key `due_at, -priority, id`. The sort key is stored as the expression `(-priority)` so that
 * the keyset condition `(due_at, -priority, id) > (…)` is a single row comparison the index can start at,
 * instead of an OR that is filtered row by row through a tie group of tasks due at the same instant.
 *
 * The catalog area is copied onto the task (it never changes for an item: its catalog version and code are
 * fixed), filled by a trigger so that the activities that insert tasks need not know about it, and the pool
 * gets a second index with `area` before the sort key: an area filter that matches nothing then costs one
 * index descent, not a scan of the department's whole pool.
 *
 * The three foundation-era inbox indexes are superseded (same leading columns, but sorted on `priority DESC`
 * which a row comparison cannot use) and dropped, so that writes maintain fewer indexes.
 */
export class InboxIndexes1764250000000 implements MigrationInterface {
  name = 'InboxIndexes1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE review_tasks ADD COLUMN area varchar(100);
      UPDATE review_tasks t
         SET area = c.area
        FROM disclosure_items i
        JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
       WHERE i.id = t.item_id;

      -- Filled on insert only when the writer left it out: bulk loaders that already know the area skip the lookup.
      CREATE FUNCTION review_tasks_fill_area() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.area IS NULL THEN
          SELECT c.area INTO NEW.area
            FROM disclosure_items i
            JOIN catalog_items c ON c.version_id = i.catalog_version_id AND c.code = i.catalog_item_code
           WHERE i.id = NEW.item_id;
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER review_tasks_fill_area BEFORE INSERT ON review_tasks
        FOR EACH ROW EXECUTE FUNCTION review_tasks_fill_area();

      DROP INDEX review_tasks_inbox_by_role;
      DROP INDEX review_tasks_inbox_by_assignee;
      DROP INDEX review_tasks_escalated;

      -- Branch 1: assigned to me (delegated tasks).
      CREATE INDEX review_tasks_inbox_assignee ON review_tasks (assignee, state, due_at, (-priority), id) WHERE assignee IS NOT NULL;
      -- Branch 2: the unassigned pool of one role in one department; one scan per role the user holds.
      CREATE INDEX review_tasks_inbox_pool ON review_tasks (department_code, role, state, due_at, (-priority), id) WHERE assignee IS NULL;
      CREATE INDEX review_tasks_inbox_pool_area ON review_tasks (department_code, role, state, area, due_at, (-priority), id) WHERE assignee IS NULL;
      -- Branch 3: escalated to the department head. role and assignee are included so that the badge
      -- counts, which exclude tasks already counted by the other branches, stay index-only.
      CREATE INDEX review_tasks_inbox_escalated ON review_tasks (department_code, state, due_at, (-priority), id) INCLUDE (role, assignee) WHERE escalated;
      -- The same with the area, for an area filter (areas cluster by department: most match nothing).
      CREATE INDEX review_tasks_inbox_escalated_area ON review_tasks (department_code, state, area, due_at, (-priority), id) WHERE escalated;
      -- Escalated and delegated: what the escalated branch adds when a kind filter names one of the head's own roles.
      CREATE INDEX review_tasks_inbox_escalated_assigned ON review_tasks (department_code, state, due_at, (-priority), id) WHERE escalated AND assignee IS NOT NULL;
      -- The "completed by me today" badge.
      CREATE INDEX review_tasks_decided_by ON review_tasks (decided_by, completed_at) WHERE decided_by IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX review_tasks_decided_by;
      DROP INDEX review_tasks_inbox_escalated_assigned;
      DROP INDEX review_tasks_inbox_escalated_area;
      DROP INDEX review_tasks_inbox_escalated;
      DROP INDEX review_tasks_inbox_pool_area;
      DROP INDEX review_tasks_inbox_pool;
      DROP INDEX review_tasks_inbox_assignee;
      CREATE INDEX review_tasks_inbox_by_role ON review_tasks (department_code, role, state, due_at, priority DESC, id);
      CREATE INDEX review_tasks_inbox_by_assignee ON review_tasks (assignee, state, due_at, priority DESC, id) WHERE assignee IS NOT NULL;
      CREATE INDEX review_tasks_escalated ON review_tasks (department_code, state, due_at) WHERE escalated;
      DROP TRIGGER review_tasks_fill_area ON review_tasks;
      DROP FUNCTION review_tasks_fill_area();
      ALTER TABLE review_tasks DROP COLUMN area;
    `);
  }
}
