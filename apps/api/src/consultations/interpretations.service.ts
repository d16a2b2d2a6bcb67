import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAuditEvent } from '@zwgk/db';
import {
  INTERPRETATION_FORM_LABELS,
  INTERPRETER_KIND_LABELS,
  interpretationProblems,
  mayDraftConsultation,
  interpretationPlanReleaseRefusal,
  planCoverage,
  type Actor,
  type InterpretationForm,
  type InterpreterKind,
} from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { ItemsService } from '../items/items.service';
import type { CreateInterpretationDto, InterpretationPlanDto } from './interpretation.dto';

interface InterpretationRow {
  id: string;
  item_id: string;
  form: InterpretationForm;
  interpreter_kind: InterpreterKind;
  interpreter_name: string;
  title: string;
  body: string | null;
  media_url: string | null;
  transcript: string | null;
  questions: { question: string; answer: string }[] | null;
  held_at: Date | null;
  created_at: Date;
  attachments: { id: string; fileName: string; mediaType: string }[];
}

/** States in which an item's interpretations and plan are settled: released, or no longer going anywhere. */
const SETTLED_STATES = ['RELEASED', 'WITHDRAWN', 'REJECTED'];

/**
 * 多元化解读: the interpretations of an item in their forms, with their interpreters and attachments, and the
 * plan made while the policy is drafted (三同步). The drafting department writes them; the portal shows them
 * beside the released item.
 */
@Injectable()
export class InterpretationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
  ) {}

  async list(actor: Actor, itemId: string) {
    await this.items.loadVisible(actor, itemId);
    return this.view(itemId);
  }

  /** Replaces the plan while the item is being drafted or reviewed. */
  async setPlan(actor: Actor, itemId: string, dto: InterpretationPlanDto, requestId: string | undefined) {
    const item = await this.items.loadVisible(actor, itemId);
    if (!mayDraftConsultation(actor, item.departmentCode)) throw ApiError.forbidden(`只有 ${item.departmentCode} 部门的起草人可以制定解读方案`);
    if (SETTLED_STATES.includes(item.state)) throw ApiError.conflict(`事项状态为 ${item.state}，解读方案须在起草和审核期间制定`);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM interpretation_plan_entries WHERE item_id = $1`, [itemId]);
      for (const entry of dto.entries) {
        await manager.query(`INSERT INTO interpretation_plan_entries (item_id, form, interpreter_kind, planned_by) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING`, [itemId, entry.form, entry.interpreterKind, actor.username]);
      }
      await writeAuditEvent(manager, {
        eventKey: `interpretation-plan:${itemId}:${randomUUID()}`,
        itemId,
        actor: actor.username,
        actorRole: 'drafter',
        departmentCode: actor.departmentCode,
        action: 'interpretation.planned',
        requestId: requestId ?? null,
        detail: { entries: dto.entries.map((entry) => `${entry.form}/${entry.interpreterKind}`) },
      });
    });
    return this.view(itemId);
  }

  async create(actor: Actor, itemId: string, dto: CreateInterpretationDto, requestId: string | undefined) {
    const item = await this.items.loadVisible(actor, itemId);
    if (!mayDraftConsultation(actor, item.departmentCode)) throw ApiError.forbidden(`只有 ${item.departmentCode} 部门的起草人可以添加解读`);
    if (item.state === 'WITHDRAWN' || item.state === 'REJECTED') throw ApiError.conflict(`事项状态为 ${item.state}，不能再添加解读`);
    const problems = interpretationProblems(dto);
    if (problems.length) throw new ApiError('invalid-input', problems.map((problem) => problem.message).join('；'), problems.map((problem) => ({ field: problem.field, problems: [problem.message] })));
    const attachmentIds = [...new Set(dto.attachmentIds ?? [])];
    if (attachmentIds.length) {
      const found: { id: string }[] = await this.dataSource.query(`SELECT id FROM item_attachments WHERE item_id = $1 AND id = ANY($2) AND removed_at IS NULL`, [itemId, attachmentIds]);
      const missing = attachmentIds.filter((id) => !found.some((row) => row.id === id));
      if (missing.length) throw ApiError.invalid('attachmentIds', `不是本事项的附件：${missing.join('、')}`);
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO item_interpretations (id, item_id, form, interpreter_kind, interpreter_name, title, body, media_url, transcript, questions, held_at, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [id, itemId, dto.form, dto.interpreterKind, dto.interpreterName, dto.title, dto.body ?? null, dto.mediaUrl ?? null, dto.transcript ?? null, dto.questions ? JSON.stringify(dto.questions) : null, dto.heldAt ?? null, actor.username],
      );
      for (const attachmentId of attachmentIds) await manager.query(`INSERT INTO interpretation_attachments (interpretation_id, attachment_id) VALUES ($1, $2)`, [id, attachmentId]);
      await writeAuditEvent(manager, {
        eventKey: `interpretation:${id}:created`,
        itemId,
        actor: actor.username,
        actorRole: 'drafter',
        departmentCode: actor.departmentCode,
        action: 'interpretation.created',
        requestId: requestId ?? null,
        detail: { interpretationId: id, form: dto.form, interpreterKind: dto.interpreterKind },
      });
    });
    return (await this.view(itemId)).interpretations.find((interpretation) => interpretation.id === id);
  }

  /** The portal: a released item's interpretations only; anything else does not exist publicly. */
  async listPublic(itemId: string) {
    const [item]: { state: string }[] = await this.dataSource.query(`SELECT state FROM disclosure_items WHERE id = $1`, [itemId]);
    if (item?.state !== 'RELEASED') throw ApiError.notFound(`没有已发布的公开事项 ${itemId}`);
    const { interpretations } = await this.view(itemId);
    return {
      items: interpretations.map((interpretation) => ({
        ...interpretation,
        attachments: interpretation.attachments.map((file) => ({ ...file, downloadPath: `/api/public/items/${itemId}/attachments/${file.id}` })),
      })),
    };
  }

  private async view(itemId: string) {
    const rows: InterpretationRow[] = await this.dataSource.query(
      `SELECT i.*, coalesce((SELECT json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'mediaType', a.media_type) ORDER BY a.uploaded_at)
                               FROM interpretation_attachments ia JOIN item_attachments a ON a.id = ia.attachment_id
                              WHERE ia.interpretation_id = i.id AND a.removed_at IS NULL), '[]') AS attachments
         FROM item_interpretations i WHERE i.item_id = $1 ORDER BY i.created_at, i.id`,
      [itemId],
    );
    const plan: { form: InterpretationForm; interpreter_kind: InterpreterKind }[] = await this.dataSource.query(
      `SELECT form, interpreter_kind FROM interpretation_plan_entries WHERE item_id = $1 ORDER BY planned_at, form, interpreter_kind`,
      [itemId],
    );
    const interpretations = rows.map((row) => ({
      id: row.id,
      form: row.form,
      formLabel: INTERPRETATION_FORM_LABELS[row.form],
      interpreterKind: row.interpreter_kind,
      interpreterKindLabel: INTERPRETER_KIND_LABELS[row.interpreter_kind],
      interpreterName: row.interpreter_name,
      title: row.title,
      body: row.body,
      mediaUrl: row.media_url,
      transcript: row.transcript,
      questions: row.questions,
      heldAt: row.held_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      attachments: row.attachments,
    }));
    const coverage = planCoverage(
      plan.map((entry) => ({ form: entry.form, interpreterKind: entry.interpreter_kind })),
      interpretations,
    );
    return {
      plan: coverage.map(({ entry, done }) => ({ ...entry, formLabel: INTERPRETATION_FORM_LABELS[entry.form], interpreterKindLabel: INTERPRETER_KIND_LABELS[entry.interpreterKind], done })),
      planComplete: coverage.every((entry) => entry.done),
      interpretations,
    };
  }
}

/**
 * 三同步 at release: approving the 签发 of an item whose interpretation plan still lacks an entry is refused,
 * naming what is missing; the task stays open. Items without a plan are not affected.
 */
export async function refuseIncompleteInterpretationPlan(dataSource: DataSource, task: { readonly itemId: string; readonly stage: string }, decision: string): Promise<void> {
  if (decision !== 'approve' || task.stage !== 'sign-off') return;
  // The plan and what was made, in one round trip: this runs on every 签发 approval, while the person waits.
  const rows: { planned: boolean; form: InterpretationForm; interpreter_kind: InterpreterKind }[] = await dataSource.query(
    `SELECT true AS planned, form::text AS form, interpreter_kind::text AS interpreter_kind FROM interpretation_plan_entries WHERE item_id = $1
     UNION ALL
     SELECT false, form::text, interpreter_kind::text FROM item_interpretations WHERE item_id = $1`,
    [task.itemId],
  );
  const plan = rows.filter((row) => row.planned);
  if (!plan.length) return;
  const made = rows.filter((row) => !row.planned);
  const refusal = interpretationPlanReleaseRefusal(planCoverage(
    plan.map((entry) => ({ form: entry.form, interpreterKind: entry.interpreter_kind })),
    made.map((entry) => ({ form: entry.form, interpreterKind: entry.interpreter_kind })),
  ));
  if (refusal) throw new ApiError('interpretation.plan-incomplete', refusal, [{ field: 'decision', problems: [refusal], code: 'interpretation.plan-incomplete' }]);
}
