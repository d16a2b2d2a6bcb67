import type { DataSource } from 'typeorm';
import { disclosureItemWorkflowId } from '@zwgk/contracts';

/** A page of the workflows whose deadlines a newly loaded calendar may move. */
export interface DeadlineHolderPage {
  readonly workflowIds: string[];
  /** The cursor for the next page; absent when this was the last one. */
  readonly next?: string;
}

/**
 * IO of the calendar recalculation batch: which workflows hold a deadline that counts working days.
 * Every item not yet released, rejected or withdrawn: its statutory release deadline and the due time of
 * its open review task both count working days.
 */
export function createCalendarRecalculationActivities(dataSource: DataSource) {
  return {
    async listDeadlineHolders(request: { after?: string; limit: number }): Promise<DeadlineHolderPage> {
      const rows: { id: string }[] = await dataSource.query(
        `SELECT id::text AS id FROM disclosure_items
          WHERE state NOT IN ('RELEASED', 'REJECTED', 'WITHDRAWN') AND ($1::uuid IS NULL OR id > $1::uuid)
          ORDER BY id LIMIT $2`,
        [request.after ?? null, request.limit],
      );
      return {
        workflowIds: rows.map((row) => disclosureItemWorkflowId(row.id)),
        ...(rows.length === request.limit ? { next: rows[rows.length - 1]!.id } : {}),
      };
    },
  };
}
