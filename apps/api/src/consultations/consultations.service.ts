import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { loadWorkingDayCalendar, writeAuditEvent } from '@zwgk/db';
import {
  chinaDateOf,
  CONSULTATION_STATE_LABELS,
  consultationClosesAt,
  consultationPeriodProblems,
  consultationPolicyFromEnv,
  feedbackDocumentText,
  feedbackProblems,
  hasOversight,
  mayDraftConsultation,
  mayModerateConsultation,
  maySeeCommenterContact,
  maySeeDepartmentWork,
  minimumPeriodFor,
  publicCommentField,
  publicCommentText,
  type Actor,
  type ConsultationPolicy,
} from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { ConcernRateLimiter } from '../concerns/concern-rate-limiter';
import { ItemsService, toActorRef } from '../items/items.service';
import { toPublicDetail, toPublicSummary, toStaffDetail, type CommentRow, type ConsultationRow } from './consultation.mapper';
import { ConsultationWorkflowClient } from './consultation-workflow.client';
import type { LinkDecisionDto } from './link-decision.dto';
import type { ListPublicConsultationsQuery } from './list-consultations.query';
import type { ModerateCommentDto } from './moderate-comment.dto';
import type { OpenConsultationDto } from './open-consultation.dto';
import type { RecordFeedbackDto } from './record-feedback.dto';
import type { SubmitCommentDto } from './submit-comment.dto';

/** The rate-limit scope of public comments: counted apart from questions on items, with the same settings. */
export const PUBLIC_COMMENT_SCOPE = 'public-consultation-comment';

const SELECT_CONSULTATIONS = `
  SELECT c.*, d.name AS department_name, to_char(c.closes_on, 'YYYY-MM-DD') AS closes_on
    FROM public_consultations c
    JOIN departments d ON d.code = c.department_code`;

/**
 * 意见征集: a department opens a consultation on a draft decision (its workflow closes it on a timer and
 * follows the feedback), the public comments without signing in, staff moderate, and the department records
 * its answer to each opinion, published as a disclosure item through the review chain.
 */
@Injectable()
export class ConsultationsService {
  private readonly policy: ConsultationPolicy = consultationPolicyFromEnv(process.env);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
    @Inject(ConsultationWorkflowClient) private readonly workflows: ConsultationWorkflowClient,
    @Inject(ConcernRateLimiter) private readonly rateLimiter: ConcernRateLimiter,
  ) {}

  /**
   * Opens a consultation today until the end of `closesOn`, once the period is checked against the policy.
   * With an Idempotency-Key the id derives from it, so a retry finds the same consultation.
   */
  async open(actor: Actor, dto: OpenConsultationDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    if (!mayDraftConsultation(actor, actor.departmentCode)) throw ApiError.forbidden('只有部门起草人可以发布意见征集');
    const consultationId = idempotencyKey ? uuidFromKey(`consultation:${actor.username}`, idempotencyKey) : randomUUID();
    const earlier = await this.find(consultationId);
    if (earlier) {
      if (earlier.title !== dto.title) throw ApiError.conflict(`Idempotency-Key 已用于另一项意见征集（${earlier.title}）`);
      return this.staffDetail(actor, earlier);
    }
    const openedAt = new Date();
    const openedOn = chinaDateOf(openedAt);
    const rule = minimumPeriodFor(this.policy, dto.kind, dto.affectsMarketEntities === true);
    const calendar = await loadWorkingDayCalendar(this.dataSource);
    const [problem] = consultationPeriodProblems(rule, { openedOn, closesOn: dto.closesOn, shortenedReason: dto.shortenedReason }, calendar);
    if (problem) {
      throw new ApiError(problem.code === 'consultation.period-too-short' ? 'consultation.period-too-short' : 'invalid-input', problem.message, [
        { field: problem.field, problems: [problem.message], code: problem.code },
      ]);
    }
    try {
      await this.workflows.open({
        consultationId,
        departmentCode: actor.departmentCode,
        kind: dto.kind,
        title: dto.title,
        draftText: dto.draftText,
        explanation: dto.explanation,
        affectsMarketEntities: dto.affectsMarketEntities === true,
        ...(dto.shortenedReason ? { shortenedReason: dto.shortenedReason } : {}),
        minimumBasis: rule.basis,
        openedAt: openedAt.toISOString(),
        closesOn: dto.closesOn,
        closesAt: consultationClosesAt(dto.closesOn),
        feedbackWorkingDays: this.policy.feedbackWorkingDays,
        openedBy: toActorRef(actor, requestId),
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return this.staffDetail(actor, await this.load(consultationId));
  }

  /** Staff see their department's consultations; oversight sees every department's. */
  async list(actor: Actor) {
    const rows: ConsultationRow[] = await this.dataSource.query(
      `${SELECT_CONSULTATIONS}
        WHERE $1::varchar IS NULL OR c.department_code = $1
        ORDER BY c.opened_at DESC, c.id LIMIT 500`,
      [hasOversight(actor) ? null : actor.departmentCode],
    );
    const now = new Date();
    return { items: rows.map((row) => ({ ...toPublicSummary(row, now), state: row.state, stateLabel: CONSULTATION_STATE_LABELS[row.state], feedbackOverdue: row.feedback_overdue, feedbackDueAt: row.feedback_due_at?.toISOString() ?? null })) };
  }

  async get(actor: Actor, id: string) {
    return this.staffDetail(actor, await this.loadVisible(actor, id));
  }

  /** Approves a comment for the portal or rejects it with a reason. Repeating the same decision changes nothing. */
  async moderate(actor: Actor, id: string, commentId: string, dto: ModerateCommentDto, requestId: string | undefined) {
    const consultation = await this.loadVisible(actor, id);
    if (!mayModerateConsultation(actor, consultation.department_code)) throw ApiError.forbidden(`只有 ${consultation.department_code} 部门的起草人、负责人、领导或政务公开办可以审核意见`);
    if (dto.decision === 'reject' && !dto.reason) throw ApiError.invalid('reason', '驳回意见须说明理由');
    if (consultation.feedback_item_id || consultation.state === 'FEEDBACK_PUBLISHED') throw ApiError.conflict('采纳情况已提交，意见不能再审核');
    const state = dto.decision === 'approve' ? 'approved' : 'rejected';
    await this.dataSource.transaction(async (manager) => {
      const [comment]: CommentRow[] = await manager.query(`SELECT * FROM consultation_comments WHERE id = $1 AND consultation_id = $2 FOR UPDATE`, [commentId, id]);
      if (!comment) throw ApiError.notFound(`意见征集 ${id} 没有意见 ${commentId}`);
      if (comment.state === state) return;
      if (comment.state !== 'pending') throw ApiError.conflict(`该意见已${comment.state === 'approved' ? '采用展示' : '驳回'}`);
      await manager.query(`UPDATE consultation_comments SET state = $2, moderated_by = $3, moderated_at = now(), rejection_reason = $4 WHERE id = $1`, [
        commentId,
        state,
        actor.username,
        dto.decision === 'reject' ? dto.reason : null,
      ]);
      await writeAuditEvent(manager, {
        eventKey: `consultation-comment:${commentId}:moderated`,
        actor: actor.username,
        actorRole: actor.roles.includes('disclosure-office') && actor.departmentCode !== consultation.department_code ? 'disclosure-office' : actor.roles[0],
        departmentCode: actor.departmentCode,
        action: dto.decision === 'approve' ? 'consultation.comment-approved' : 'consultation.comment-rejected',
        reason: dto.reason ?? null,
        requestId: requestId ?? null,
        detail: { consultationId: id, commentId },
      });
    });
    return this.staffDetail(actor, consultation);
  }

  /**
   * The department's answer to every shown opinion (采纳情况), drafted as a disclosure item under the given
   * catalog row through the ordinary items service; the item then goes through review like any other, and
   * the consultation's workflow follows it until it is released.
   */
  async recordFeedback(actor: Actor, id: string, dto: RecordFeedbackDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    const consultation = await this.loadVisible(actor, id);
    if (!mayDraftConsultation(actor, consultation.department_code)) throw ApiError.forbidden(`只有 ${consultation.department_code} 部门的起草人可以发布采纳情况`);
    if (consultation.state === 'OPEN') throw ApiError.conflict('意见征集尚未截止，截止后才能发布采纳情况');
    if (consultation.state !== 'CLOSED') throw ApiError.conflict('采纳情况已提交审核或已发布');
    const comments: CommentRow[] = await this.dataSource.query(`SELECT * FROM consultation_comments WHERE consultation_id = $1 ORDER BY received_at, id`, [id]);
    const problems = feedbackProblems(comments, dto.opinions);
    if (problems.length) {
      throw new ApiError('consultation.feedback-incomplete', problems.map((problem) => problem.message).join('；'), problems.map((problem) => ({ field: problem.field, problems: [problem.message] })));
    }
    const answer = new Map(dto.opinions.map((opinion) => [opinion.commentId, opinion]));
    const opinions = comments
      .filter((comment) => comment.state === 'approved')
      .map((comment) => ({ clause: publicCommentField(comment.clause), content: publicCommentText(comment), adoption: answer.get(comment.id)!.adoption, reason: answer.get(comment.id)!.reason ?? null }));
    const created = await this.items.create(
      actor,
      {
        catalogItemCode: dto.catalogItemCode,
        title: `关于《${consultation.title.slice(0, 260)}》公开征求意见采纳情况的说明`,
        body: feedbackDocumentText({ title: consultation.title, kind: consultation.kind, openedOn: chinaDateOf(consultation.opened_at), closesOn: consultation.closes_on, summary: dto.summary }, opinions),
        formedAt: chinaDateOf(new Date()),
      },
      idempotencyKey ? `consultation-feedback:${id}:${idempotencyKey}` : undefined,
      requestId,
    );
    await this.dataSource.transaction(async (manager) => {
      for (const opinion of dto.opinions) {
        await manager.query(`UPDATE consultation_comments SET adoption = $2, adoption_reason = $3 WHERE id = $1 AND consultation_id = $4`, [opinion.commentId, opinion.adoption, opinion.reason ?? null, id]);
      }
      await manager.query(`UPDATE public_consultations SET feedback_summary = $2, updated_at = now() WHERE id = $1`, [id, dto.summary]);
      await writeAuditEvent(manager, {
        eventKey: `consultation:${id}:feedback-recorded:${created.id}`,
        itemId: created.id,
        actor: actor.username,
        actorRole: 'drafter',
        departmentCode: actor.departmentCode,
        action: 'consultation.feedback-recorded',
        requestId: requestId ?? null,
        detail: { consultationId: id, feedbackItemId: created.id, opinions: dto.opinions.length, adopted: dto.opinions.filter((opinion) => opinion.adoption === 'adopted').length },
      });
    });
    await this.workflows.feedbackDrafted(id, { actor: toActorRef(actor, requestId), itemId: created.id }, idempotencyKey);
    return this.staffDetail(actor, await this.load(id));
  }

  /** Links the final decision document (an item of the same department) back to its consultation. */
  async linkDecision(actor: Actor, id: string, dto: LinkDecisionDto, requestId: string | undefined) {
    const consultation = await this.loadVisible(actor, id);
    if (!mayDraftConsultation(actor, consultation.department_code)) throw ApiError.forbidden(`只有 ${consultation.department_code} 部门的起草人可以关联决策文件`);
    if (consultation.state === 'OPEN') throw ApiError.conflict('意见征集尚未截止，不能关联最终决策文件');
    if (consultation.decision_item_id === dto.itemId) return this.staffDetail(actor, consultation);
    if (consultation.decision_item_id) throw ApiError.conflict(`已关联决策文件 ${consultation.decision_item_id}`);
    const [item]: { department_code: string }[] = await this.dataSource.query(`SELECT department_code FROM disclosure_items WHERE id = $1`, [dto.itemId]);
    if (!item) throw ApiError.invalid('itemId', `没有公开事项 ${dto.itemId}`);
    if (item.department_code !== consultation.department_code) throw ApiError.invalid('itemId', '决策文件须为本部门的公开事项');
    if (dto.itemId === consultation.feedback_item_id) throw ApiError.invalid('itemId', '采纳情况说明不是最终决策文件');
    await this.dataSource.transaction(async (manager) => {
      const taken: unknown[] = await manager.query(`SELECT 1 FROM public_consultations WHERE decision_item_id = $1`, [dto.itemId]);
      if (taken.length) throw ApiError.conflict('该公开事项已是另一项意见征集的决策文件');
      await manager.query(`UPDATE public_consultations SET decision_item_id = $2, updated_at = now() WHERE id = $1 AND decision_item_id IS NULL`, [id, dto.itemId]);
      await writeAuditEvent(manager, {
        eventKey: `consultation:${id}:decision-linked`,
        itemId: dto.itemId,
        actor: actor.username,
        actorRole: 'drafter',
        departmentCode: actor.departmentCode,
        action: 'consultation.decision-linked',
        requestId: requestId ?? null,
        detail: { consultationId: id, decisionItemId: dto.itemId },
      });
    });
    return this.staffDetail(actor, await this.load(id));
  }

  // ---- The portal (no sign-in) ----

  async listPublic(query: ListPublicConsultationsQuery) {
    const open = (query.status ?? 'open') === 'open';
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const where = open ? `c.state = 'OPEN' AND c.closes_at > now()` : `(c.state <> 'OPEN' OR c.closes_at <= now())`;
    const rows: ConsultationRow[] = await this.dataSource.query(
      `${SELECT_CONSULTATIONS.replace('SELECT c.*', `SELECT c.*, (SELECT count(*)::int FROM consultation_comments m WHERE m.consultation_id = c.id AND m.state = 'approved') AS comment_count`)}
        WHERE ${where}
        ORDER BY c.closes_at ${open ? 'ASC' : 'DESC'}, c.id
        LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM public_consultations c WHERE ${where}`);
    const now = new Date();
    return { items: rows.map((row) => toPublicSummary(row, now)), total, limit, offset };
  }

  async getPublic(id: string) {
    const consultation = await this.load(id);
    const comments: CommentRow[] = await this.dataSource.query(`SELECT * FROM consultation_comments WHERE consultation_id = $1 AND state = 'approved' ORDER BY received_at, id`, [id]);
    const [decision]: { id: string; title: string }[] = consultation.decision_item_id
      ? await this.dataSource.query(`SELECT id, title FROM disclosure_items WHERE id = $1 AND state = 'RELEASED'`, [consultation.decision_item_id])
      : [];
    return toPublicDetail(consultation, comments, decision, new Date());
  }

  /**
   * An opinion from the public while the consultation is open. It waits for moderation before it is shown.
   * A retry with the same Idempotency-Key from the same address finds the first one and is not counted again.
   */
  async submitComment(id: string, dto: SubmitCommentDto, clientAddress: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    const consultation = await this.load(id);
    const commentId = idempotencyKey ? uuidFromKey(`consultation-comment:${id}:${clientAddress}`, idempotencyKey) : randomUUID();
    const receipt = (receivedAt: Date) => ({ id: commentId, consultationId: id, state: 'pending' as const, receivedAt: receivedAt.toISOString(), message: '意见已收到，经审核后公开显示' });
    if (idempotencyKey) {
      const [earlier]: { received_at: Date }[] = await this.dataSource.query(`SELECT received_at FROM consultation_comments WHERE id = $1`, [commentId]);
      if (earlier) return receipt(earlier.received_at);
    }
    if (consultation.state !== 'OPEN' || consultation.closes_at.getTime() <= Date.now()) {
      throw new ApiError('consultation.closed', `意见征集已于 ${consultation.closes_on} 截止，不再接收意见`);
    }
    await this.rateLimiter.take(PUBLIC_COMMENT_SCOPE, clientAddress);
    const receivedAt = await this.dataSource.transaction(async (manager) => {
      const [row]: { received_at: Date }[] = await manager.query(
        `INSERT INTO consultation_comments (id, consultation_id, clause, content, author_name, contact, request_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id
         RETURNING received_at`,
        [commentId, id, dto.clause ?? null, dto.content, dto.name ?? null, dto.contact ?? null, requestId ?? null],
      );
      // The audit row says that an opinion came in, never what it says or who sent it.
      await writeAuditEvent(manager, {
        eventKey: `consultation-comment:${commentId}:received`,
        actor: 'public',
        departmentCode: consultation.department_code,
        action: 'consultation.comment-received',
        requestId: requestId ?? null,
        detail: { consultationId: id, commentId, clause: dto.clause ?? null },
      });
      return row.received_at;
    });
    return receipt(receivedAt);
  }

  /** The consultation a released item came out of (its decision document) or answers (its feedback), for the item's page. */
  async consultationOfItem(itemId: string) {
    const rows: { id: string; title: string; relation: 'decision' | 'feedback' }[] = await this.dataSource.query(
      `SELECT c.id, c.title, CASE WHEN c.decision_item_id = $1 THEN 'decision' ELSE 'feedback' END AS relation
         FROM public_consultations c JOIN disclosure_items i ON i.id = $1 AND i.state = 'RELEASED'
        WHERE c.decision_item_id = $1 OR (c.feedback_item_id = $1 AND c.state = 'FEEDBACK_PUBLISHED')
        LIMIT 1`,
      [itemId],
    );
    if (!rows[0]) throw ApiError.notFound(`公开事项 ${itemId} 没有关联的意见征集`);
    return { consultationId: rows[0].id, title: rows[0].title, relation: rows[0].relation };
  }

  // ---- Reading ----

  private async staffDetail(actor: Actor, consultation: ConsultationRow) {
    const comments: CommentRow[] = await this.dataSource.query(`SELECT * FROM consultation_comments WHERE consultation_id = $1 ORDER BY received_at, id`, [consultation.id]);
    const fresh = (await this.find(consultation.id)) ?? consultation;
    return toStaffDetail(fresh, comments, maySeeCommenterContact(actor, { departmentCode: fresh.department_code }), new Date());
  }

  private async loadVisible(actor: Actor, id: string): Promise<ConsultationRow> {
    const consultation = await this.load(id);
    if (!maySeeDepartmentWork(actor, consultation.department_code)) throw ApiError.forbidden(`意见征集 ${id} 属于 ${consultation.department_code} 部门`);
    return consultation;
  }

  private async load(id: string): Promise<ConsultationRow> {
    const found = await this.find(id);
    if (!found) throw ApiError.notFound(`没有意见征集 ${id}`);
    return found;
  }

  private async find(id: string): Promise<ConsultationRow | undefined> {
    const rows: ConsultationRow[] = await this.dataSource.query(`${SELECT_CONSULTATIONS} WHERE c.id = $1`, [id]);
    return rows[0];
  }
}
