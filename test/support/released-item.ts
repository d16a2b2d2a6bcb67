import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Client as PgClient } from 'pg';
import { DISCLOSURE_ITEM_WORKFLOW_TYPE, disclosureItemWorkflowId, type DisclosureItemInput } from '@zwgk/contracts';

/**
 * An Update to a released item sent straight to Temporal, the way the API sends it: a released item's
 * workflow completes once nothing is left to time, so update-with-start re-opens it from the read model
 * (the run still open, if there is one, takes the Update instead). The item's own input comes from its
 * first run's history; where it stands, from the read model.
 */
export async function updateReleasedItem<Ret, Args extends [any, ...any[]]>(
  temporal: Client,
  db: PgClient,
  taskQueue: string,
  itemId: string,
  update: UpdateDefinition<Ret, Args>,
  options: { args: Args; updateId?: string },
): Promise<Ret> {
  const workflowId = disclosureItemWorkflowId(itemId);
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const payload = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
  const input = JSON.parse(Buffer.from(payload.data!).toString('utf8')) as DisclosureItemInput;
  const { rows } = await db.query(
    `SELECT i.revision, i.title, i.body, i.interpretation, i.release_due_at, i.release_due_explanation, i.release_due_provisional, i.released_at,
            e.edition, e.revision AS edition_revision, e.title AS edition_title, e.body AS edition_body, e.interpretation AS edition_interpretation,
            e.content_hash, e.released_at AS edition_released_at
       FROM disclosure_items i JOIN item_editions e ON e.item_id = i.id AND e.edition = i.current_edition WHERE i.id = $1`,
    [itemId],
  );
  const item = rows[0];
  const withInterpretation = (interpretation: string | null) => (interpretation ? { interpretation } : {});
  const resume = {
    state: 'RELEASED' as const,
    revision: item.revision as number,
    edition: item.edition as number,
    content: { title: item.title as string, body: item.body as string, ...withInterpretation(item.interpretation) },
    releasedAt: (item.released_at as Date).toISOString(),
    releaseDeadline: {
      dueAt: (item.release_due_at as Date).toISOString(),
      dueDate: (item.release_due_at as Date).toISOString().slice(0, 10),
      provisional: item.release_due_provisional as boolean,
      explanation: item.release_due_explanation as string,
      calendarVersion: 'read-model',
    },
    lastRelease: {
      edition: item.edition as number,
      revision: item.edition_revision as number,
      content: { title: item.edition_title as string, body: item.edition_body as string, ...withInterpretation(item.edition_interpretation) },
      contentHash: item.content_hash as string,
      releasedAt: (item.edition_released_at as Date).toISOString(),
    },
  };
  const startWorkflowOperation = new WithStartWorkflowOperation(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
    workflowId,
    taskQueue,
    args: [{ ...input, resume }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return temporal.workflow.executeUpdateWithStart(update, { ...options, startWorkflowOperation });
}
