import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PublicConcernView } from '@zwgk/contracts';
import { AuditEventEntity, ConcernDeadlineEntity, ConcernEntity, DepartmentEntity, DisclosureItemEntity, UserEntity } from '@zwgk/db';
import {
  CONCERN_CLASSIFICATION_LABELS,
  CONCERN_KIND_LABELS,
  CONCERN_STATE_LABELS,
  DISCLOSURE_STATE_LABELS,
  hasOversight,
  mayRegisterIncident,
  maySeeAskerContact,
  maySeeDepartmentWork,
  type Actor,
  type ConcernClassification,
  type ConcernKind,
  type ConcernState,
  type DisclosureState,
} from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { toActorRef } from '../items/items.service';
import { ConcernRateLimiter } from './concern-rate-limiter';
import { ConcernWorkflowClient } from './concern-workflow.client';
import { toConcernResponse, toPublicReceipt, viewFromReadModel } from './concern.mapper';
import type { DraftConcernResponseDto } from './draft-concern-response.dto';
import type { ConcernStateFilter } from './list-concerns.query';
import type { RegisterIncidentDto } from './register-incident.dto';
import type { ReviewConcernResponseDto } from './review-concern-response.dto';
import type { SubmitConcernDto } from './submit-concern.dto';
import type { TriageConcernDto } from './triage-concern.dto';

/** The rate-limit scope of questions from the public. */
const PUBLIC_CONCERN_SCOPE = 'public-concern';

interface InboxRow {
  id: string;
  item_id: string;
  item_title: string;
  kind: ConcernKind;
  state: ConcernState;
  classification: ConcernClassification | null;
  item_department_code: string;
  assigned_department_code: string | null;
  content: string;
  revision: number;
  received_at: Date;
  next_due_at: Date | null;
  overdue: boolean;
}

/**
 * Public concerns (回应关切) and 政务舆情 incidents. The rules of each step live in the concern's
 * workflow; this service finds the concern, checks the actor may see it, and hands the step over.
 */
@Injectable()
export class ConcernsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ConcernWorkflowClient) private readonly workflows: ConcernWorkflowClient,
    @Inject(ConcernRateLimiter) private readonly rateLimiter: ConcernRateLimiter,
  ) {}

  /**
   * A question from the public on a released item. Anything not released does not exist publicly (404).
   * A retry with the same Idempotency-Key from the same address finds the first concern and is not counted again.
   */
  async submitFromPublic(itemId: string, dto: SubmitConcernDto, clientAddress: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    const item = await this.dataSource.getRepository(DisclosureItemEntity).findOneBy({ id: itemId });
    if (!item || item.state !== 'RELEASED') throw ApiError.notFound(`没有已发布的事项 ${itemId}`);
    const concernId = idempotencyKey ? uuidFromKey(`concern:${itemId}:${clientAddress}`, idempotencyKey) : randomUUID();
    const existing = idempotencyKey ? await this.readModel(concernId) : undefined;
    if (existing) return toPublicReceipt(existing);
    await this.rateLimiter.take(PUBLIC_CONCERN_SCOPE, clientAddress);
    const view = await this.workflows.register({
      concernId,
      itemId,
      itemDepartmentCode: item.departmentCode,
      kind: 'message',
      content: dto.content,
      ...(dto.contact ? { contact: dto.contact } : {}),
      receivedAt: new Date().toISOString(),
      requestId,
    });
    return toPublicReceipt(view);
  }

  /** Registers a 政务舆情 incident on a released item: the disclosure office, a supervisor, or the item's department leader. */
  async registerIncident(actor: Actor, itemId: string, dto: RegisterIncidentDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    const item = await this.dataSource.getRepository(DisclosureItemEntity).findOneBy({ id: itemId });
    if (!item) throw ApiError.notFound(`事项 ${itemId} 不存在`);
    if (!mayRegisterIncident(actor, item.departmentCode)) {
      throw ApiError.forbidden(`只有政务公开办、督查考核人员或部门 ${item.departmentCode} 的领导才能登记该事项的舆情`);
    }
    if (item.state !== 'RELEASED') throw ApiError.conflict(`事项 ${itemId} 当前为「${DISCLOSURE_STATE_LABELS[item.state as DisclosureState] ?? item.state}」，只有已发布的事项才能登记舆情`);
    const concernId = idempotencyKey ? uuidFromKey(`incident:${actor.username}`, idempotencyKey) : randomUUID();
    const existing = idempotencyKey ? await this.readModel(concernId) : undefined;
    if (existing) return toConcernResponse(existing);
    const view = await this.workflows.register({
      concernId,
      itemId,
      itemDepartmentCode: item.departmentCode,
      kind: dto.severity,
      content: dto.summary,
      receivedAt: new Date().toISOString(),
      registeredBy: toActorRef(actor, requestId),
    });
    return toConcernResponse(view);
  }

  /**
   * The staff inbox: concerns assigned to my department or on its items (every concern for the office
   * and supervisors), soonest unmet due time first.
   */
  async inbox(actor: Actor, filter: ConcernStateFilter, limit: number) {
    const oversight = hasOversight(actor);
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT c.id, c.item_id, i.title AS item_title, c.kind, c.state, c.classification, c.item_department_code, c.assigned_department_code,
              c.content, c.revision, c.received_at, d.next_due_at, coalesce(d.overdue, false) AS overdue
         FROM concerns c
         JOIN disclosure_items i ON i.id = c.item_id
         LEFT JOIN LATERAL (
           SELECT min(due_at) FILTER (WHERE met_at IS NULL) AS next_due_at,
                  bool_or(overdue_at IS NOT NULL AND met_at IS NULL) AS overdue
             FROM concern_deadlines WHERE concern_id = c.id
         ) d ON true
        WHERE ($1::boolean OR c.assigned_department_code = $2 OR c.item_department_code = $2)
          AND CASE $3::text WHEN 'all' THEN true WHEN 'open' THEN c.state <> 'PUBLISHED' ELSE c.state = $3::text END
        ORDER BY d.next_due_at NULLS LAST, c.received_at, c.id
        LIMIT $4`,
      [oversight, actor.departmentCode, filter, limit],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        itemId: row.item_id,
        itemTitle: row.item_title,
        kind: row.kind,
        kindLabel: CONCERN_KIND_LABELS[row.kind],
        state: row.state,
        stateLabel: CONCERN_STATE_LABELS[row.state],
        classification: row.classification,
        classificationLabel: row.classification ? CONCERN_CLASSIFICATION_LABELS[row.classification] : null,
        itemDepartmentCode: row.item_department_code,
        assignedDepartmentCode: row.assigned_department_code,
        content: row.content,
        revision: row.revision,
        receivedAt: row.received_at.toISOString(),
        nextDueAt: row.next_due_at?.toISOString() ?? null,
        overdue: row.overdue,
      })),
    };
  }

  /** One concern with the asker's contact (staff only), its deadlines and its timeline. */
  async detail(actor: Actor, id: string) {
    const concern = await this.loadVisible(actor, id);
    const [deadlines, item, events] = await Promise.all([
      this.dataSource.getRepository(ConcernDeadlineEntity).findBy({ concernId: id }),
      this.dataSource.getRepository(DisclosureItemEntity).findOneBy({ id: concern.itemId }),
      this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.item_id = :itemId', { itemId: concern.itemId })
        .andWhere(`e.detail ->> 'concernId' = :id`, { id })
        .orderBy('e.id', 'ASC')
        .getMany(),
    ]);
    const names = await this.displayNames(events.map((event) => event.actor));
    return {
      ...toConcernResponse(viewFromReadModel(concern, deadlines)),
      itemTitle: item?.title ?? null,
      itemDepartmentCode: concern.itemDepartmentCode,
      content: concern.content,
      contact: maySeeAskerContact(actor, concern) ? concern.contact : null,
      registeredBy: concern.registeredBy,
      timeline: events.map((event) => ({
        at: event.occurredAt,
        action: event.action,
        actor: event.actor,
        // Staff by name; the public and the system in words, so the timeline reads as Chinese.
        actorName: event.actor === 'public' ? '公众' : event.actor === 'system' ? '系统' : (names.get(event.actor) ?? event.actor),
        role: event.actorRole,
        departmentCode: event.departmentCode,
        reason: event.reason,
        detail: event.detail,
      })),
    };
  }

  async triage(actor: Actor, id: string, dto: TriageConcernDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    await this.loadVisible(actor, id);
    const department = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ code: dto.assignDepartmentCode });
    if (!department) throw ApiError.invalid('assignDepartmentCode', `部门“${dto.assignDepartmentCode}”不存在`);
    if (!department.active) throw ApiError.invalid('assignDepartmentCode', `“${department.name}”已停用，不能再承办新的工作`);
    const request = { actor: toActorRef(actor, requestId), classification: dto.classification, assignDepartmentCode: department.code };
    return toConcernResponse(await this.workflows.triage(id, request, idempotencyKey));
  }

  async draftResponse(actor: Actor, id: string, dto: DraftConcernResponseDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    await this.loadVisible(actor, id);
    return toConcernResponse(await this.workflows.draftResponse(id, { actor: toActorRef(actor, requestId), draft: dto.draft }, idempotencyKey));
  }

  /** Approval publishes the response next to the item; a return needs a comment (the workflow's validator says so). */
  async reviewResponse(actor: Actor, id: string, dto: ReviewConcernResponseDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    await this.loadVisible(actor, id);
    const request = { actor: toActorRef(actor, requestId), decision: dto.decision, ...(dto.comment !== undefined ? { comment: dto.comment } : {}) };
    return toConcernResponse(await this.workflows.reviewResponse(id, request, idempotencyKey));
  }

  async extendDeadline(actor: Actor, id: string, reason: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    await this.loadVisible(actor, id);
    return toConcernResponse(await this.workflows.extendDeadline(id, { actor: toActorRef(actor, requestId), reason }, idempotencyKey));
  }

  async recordPressConference(actor: Actor, id: string, summary: string, idempotencyKey: string | undefined, requestId: string | undefined) {
    await this.loadVisible(actor, id);
    return toConcernResponse(await this.workflows.recordPressConference(id, { actor: toActorRef(actor, requestId), summary }, idempotencyKey));
  }

  private async displayNames(usernames: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(usernames)];
    if (unique.length === 0) return new Map();
    const users = await this.dataSource.getRepository(UserEntity).createQueryBuilder('u').where('u.username IN (:...unique)', { unique }).getMany();
    return new Map(users.map((user) => [user.username, user.displayName]));
  }

  /** The concern's row, after checking the actor may see it: 404 when unknown, 403 when it is another department's. */
  private async loadVisible(actor: Actor, id: string): Promise<ConcernEntity> {
    const concern = await this.dataSource.getRepository(ConcernEntity).findOneBy({ id });
    if (!concern) throw ApiError.notFound(`关切 ${id} 不存在`);
    if (!maySeeDepartmentWork(actor, concern.itemDepartmentCode, concern.assignedDepartmentCode)) {
      throw ApiError.forbidden(`关切 ${id} 属于部门 ${concern.assignedDepartmentCode ?? concern.itemDepartmentCode}`);
    }
    return concern;
  }

  private async readModel(id: string): Promise<PublicConcernView | undefined> {
    const concern = await this.dataSource.getRepository(ConcernEntity).findOneBy({ id });
    if (!concern) return undefined;
    return viewFromReadModel(concern, await this.dataSource.getRepository(ConcernDeadlineEntity).findBy({ concernId: id }));
  }
}
