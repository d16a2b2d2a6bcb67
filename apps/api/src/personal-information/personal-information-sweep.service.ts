import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  PERSONAL_INFORMATION_SWEEP_WORKFLOW_TYPE,
  personalInformationSweepProgressQuery,
  personalInformationSweepWorkflowId,
  type PersonalInformationSweepInput,
  type PersonalInformationSweepProgress,
} from '@zwgk/contracts';
import { findingKindLabel, type Actor, type StoredFindingKind } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

/** The withdrawal reason the list offers: one step from a finding to taking the item down. */
export const PERSONAL_INFORMATION_WITHDRAWAL_REASON = '个人信息保护';

@Injectable()
export class PersonalInformationSweepService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a sweep of everything released; the same Idempotency-Key finds the sweep it started. */
  async start(actor: Actor, idempotencyKey: string | undefined) {
    const sweepId = idempotencyKey ? uuidFromKey(`personal-information-sweep:${actor.username}`, idempotencyKey) : randomUUID();
    const input: PersonalInformationSweepInput = { sweepId, requestedBy: actor.username };
    await this.client.workflow.start(PERSONAL_INFORMATION_SWEEP_WORKFLOW_TYPE, {
      workflowId: personalInformationSweepWorkflowId(sweepId),
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { sweepId, progressPath: `/api/personal-information/sweeps/${sweepId}`, listPath: '/api/personal-information/released-findings' };
  }

  /** The sweep's progress, from its running workflow or, once done, from its result. */
  async progress(sweepId: string): Promise<PersonalInformationSweepProgress & { sweepId: string }> {
    const handle = this.client.workflow.getHandle(personalInformationSweepWorkflowId(sweepId));
    try {
      const description = await handle.describe();
      const progress = description.status.name === 'COMPLETED' ? ((await handle.result()) as PersonalInformationSweepProgress) : await handle.query(personalInformationSweepProgressQuery);
      return { sweepId, ...progress };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw ApiError.notFound(`没有编号为 ${sweepId} 的个人信息排查批次`);
      throw error;
    }
  }

  /**
   * The list to act on: released items whose public text or files carry personal information that was
   * never justified, most findings first, each with the withdrawal it is one step from.
   */
  async releasedFindings() {
    const rows: { item_id: string; title: string; department_code: string; released_at: Date | null; open: number; kinds: StoredFindingKind[]; places: string[] }[] = await this.dataSource.query(
      `SELECT i.id AS item_id, i.title, i.department_code, i.released_at, count(*)::int AS open,
              array_agg(DISTINCT f.kind) AS kinds,
              array_agg(DISTINCT CASE WHEN f.field = 'attachment' THEN f.file_name ELSE f.field END) AS places
         FROM personal_information_findings f JOIN disclosure_items i ON i.id = f.item_id
        WHERE i.state = 'RELEASED' AND f.resolved_at IS NULL AND f.status = 'open'
        GROUP BY i.id ORDER BY count(*) DESC, i.released_at DESC NULLS LAST, i.id LIMIT 500`,
    );
    return {
      items: rows.map((row) => ({
        itemId: row.item_id,
        title: row.title,
        departmentCode: row.department_code,
        releasedAt: row.released_at ? new Date(row.released_at).toISOString() : null,
        openFindings: row.open,
        kinds: row.kinds.map((kind) => ({ kind, label: findingKindLabel(kind) })),
        places: row.places,
        findingsPath: `/api/items/${row.item_id}/personal-information`,
        withdraw: { method: 'POST', path: `/api/items/${row.item_id}/withdraw`, reason: PERSONAL_INFORMATION_WITHDRAWAL_REASON },
      })),
    };
  }
}
