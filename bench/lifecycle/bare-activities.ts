/**
 * The baseline's activities: one PostgreSQL transaction per step (the item row, the task closed, the next task
 * opened), repeatable like the project's (upserts), and the timers' "fired" records. The tables are the
 * benchmark's own (`bench_bare_*`), created by `createBareTables`.
 */
import type { Pool } from 'pg';

export interface BareStep {
  readonly itemId: string;
  readonly state: 'DRAFT' | 'IN_REVIEW' | 'RELEASED';
  readonly closeTaskId: string | null;
  readonly openTask: { readonly taskId: string; readonly stage: string } | null;
}

export interface BareActivities {
  bareStep(step: BareStep): Promise<void>;
  timerReminderAt(request: { dueAt: string }): Promise<string>;
  timerReminded(request: { timerId: string }): Promise<void>;
  timerFired(request: { timerId: string; kind: 'bare' | 'due-time'; dueAt: string }): Promise<void>;
}

export const BARE_TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS bench_bare_items (id text PRIMARY KEY, state text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS bench_bare_tasks (id text PRIMARY KEY, item_id text NOT NULL, stage text NOT NULL, state text NOT NULL, opened_at timestamptz NOT NULL DEFAULT now(), closed_at timestamptz);
  CREATE TABLE IF NOT EXISTS bench_timer_fired (timer_id text PRIMARY KEY, kind text NOT NULL, due_at timestamptz NOT NULL, fired_at timestamptz NOT NULL);
  CREATE TABLE IF NOT EXISTS bench_timer_reminded (timer_id text PRIMARY KEY, reminded_at timestamptz NOT NULL);`;

/** How long before the due instant the due-time pattern reminds (the project computes it from the calendar). */
export const TIMER_REMINDER_LEAD_MS = 30_000;

export function createBareActivities(pool: Pool): BareActivities {
  return {
    async bareStep(step) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO bench_bare_items (id, state) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
          [step.itemId, step.state],
        );
        if (step.closeTaskId) await client.query(`UPDATE bench_bare_tasks SET state = 'completed', closed_at = now() WHERE id = $1`, [step.closeTaskId]);
        if (step.openTask) {
          await client.query(`INSERT INTO bench_bare_tasks (id, item_id, stage, state) VALUES ($1, $2, $3, 'open') ON CONFLICT (id) DO NOTHING`, [
            step.openTask.taskId,
            step.itemId,
            step.openTask.stage,
          ]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async timerReminderAt({ dueAt }) {
      return new Date(Date.parse(dueAt) - TIMER_REMINDER_LEAD_MS).toISOString();
    },
    async timerReminded({ timerId }) {
      await pool.query(`INSERT INTO bench_timer_reminded (timer_id, reminded_at) VALUES ($1, now()) ON CONFLICT DO NOTHING`, [timerId]);
    },
    async timerFired({ timerId, kind, dueAt }) {
      // The instant the due callback ran, taken here (not by PostgreSQL) so that a slow insert does not count as lag.
      const firedAt = new Date();
      await pool.query(`INSERT INTO bench_timer_fired (timer_id, kind, due_at, fired_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [timerId, kind, dueAt, firedAt]);
    },
  };
}
