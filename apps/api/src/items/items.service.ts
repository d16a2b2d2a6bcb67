import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActorRef, ChannelConfirmation, DisclosureItemView } from '@zwgk/contracts';
import { AuditEventEntity, CatalogVersionEntity, DisclosureItemEntity, PublicationEntity, ReviewTaskEntity, UserEntity, rescanItemFindings } from '@zwgk/db';
import { catalogRowDraftingRefusal, chinaDateOf, DISCLOSURE_STATE_LABELS, GOVERNMENT_WEBSITE_CHANNEL, maySeeDepartmentWork, releaseChannelsOf, releaseDeadlineChoiceProblems, taskStageLabel, unknownChannels, type Actor, type DisclosureState } from '@zwgk/domain';
import { listItemAttachments } from '../attachments/attachment.views';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { CatalogService } from '../catalog/catalog.service';
import { toCatalogItemResponse } from '../catalog/catalog-item.mapper';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { DisclosureWorkflowClient } from '../temporal/disclosure-workflow.client';
import type { CreateItemDto, NewEditionDto, ReviseItemDto } from './create-item.dto';
import type { ExtendDeadlineDto } from './extend-deadline.dto';
import { publicityPeriodView } from './publicity-period.view';

export function toActorRef(actor: Actor, requestId?: string): ActorRef {
  return { username: actor.username, displayName: actor.displayName, departmentCode: actor.departmentCode, roles: actor.roles, requestId };
}

/** The government website is the first and mandatory channel. */
function releaseChannelsOfDraft(chosen: readonly string[]): string[] {
  return [GOVERNMENT_WEBSITE_CHANNEL, ...chosen.filter((c) => c !== GOVERNMENT_WEBSITE_CHANNEL)];
}

/**
 * The ledger rows of an item as it releases them: each release (or withdrawal) in the order it happened, and
 * within it the item's channels in their release order, the website first. The channels after the website
 * are released together, so the order their rows were written in says nothing.
 */
function inChannelOrder<T extends { revision: number; action: string; channel: string }>(rows: readonly T[], channels: readonly string[]): T[] {
  const order = releaseChannelsOf(channels);
  const rank = (channel: string) => (order.includes(channel) ? order.indexOf(channel) : order.length);
  const firstOfGroup = new Map<string, number>();
  rows.forEach((row, index) => {
    if (!firstOfGroup.has(`${row.revision}:${row.action}`)) firstOfGroup.set(`${row.revision}:${row.action}`, index);
  });
  const group = (row: T) => firstOfGroup.get(`${row.revision}:${row.action}`)!;
  return [...rows].sort((a, b) => group(a) - group(b) || rank(a.channel) - rank(b.channel));
}

/** A rejected or withdrawn item's workflow has ended: no decision can change it any more. */
function rejectIfClosed(item: DisclosureItemEntity): void {
  if (item.state === 'REJECTED' || item.state === 'WITHDRAWN') {
    throw ApiError.conflict(`事项 ${item.id} 当前为「${DISCLOSURE_STATE_LABELS[item.state as DisclosureState] ?? item.state}」，不能再修改`);
  }
}

/** Roles that may read any department's items. */

@Injectable()
export class ItemsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CatalogService) private readonly catalog: CatalogService,
    @Inject(DisclosureWorkflowClient) private readonly workflows: DisclosureWorkflowClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates a draft and starts its workflow. With an Idempotency-Key the item id is derived from the
   * drafter and the key, so a retried request finds the same item and workflow instead of a new one.
   */
  async create(actor: Actor, dto: CreateItemDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    const itemId = idempotencyKey ? uuidFromKey(`item:${actor.username}`, idempotencyKey) : randomUUID();
    if (idempotencyKey) {
      const existing = await this.dataSource.getRepository(DisclosureItemEntity).findOneBy({ id: itemId });
      if (existing) {
        // The key names one draft: a retry must be the same request, not another draft under an old key.
        const differences = await this.differencesFromDraft(existing, dto);
        if (differences.length) {
          throw new ApiError('unprocessable', `Idempotency-Key 已用于另一份不同的草稿（不同之处：${differences.join('、')}）；新的草稿请使用新的 Idempotency-Key`, [
            { field: 'Idempotency-Key', problems: [`与首次请求不同：${differences.join('、')}`] },
          ]);
        }
        // The row is written before the workflow has taken in the draft: answer as the first attempt would,
        // once the draft is recorded, or a submit sent on this answer would meet a draft still being recorded.
        const view = await this.workflows.awaitDraftRecorded(existing.id);
        if (view) return this.createdResponse(existing.id, view.state, view.releaseDueAt, view.releaseDueExplanation);
        return this.createdResponse(existing.id, existing.state, existing.releaseDueAt?.toISOString(), existing.releaseDueExplanation ?? undefined);
      }
    }
    if (dto.formedAt > chinaDateOf(new Date())) throw ApiError.invalid('formedAt', '形成日期（formedAt）不能晚于今天');
    const found = await this.catalog.findActiveItem(dto.catalogItemCode);
    if (!found) throw ApiError.invalid('catalogItemCode', `当前启用的目录中没有事项“${dto.catalogItemCode}”`);
    const { version, item } = found;
    const refusal = catalogRowDraftingRefusal(actor, item.departmentCodes);
    if (refusal === 'not-owned') {
      throw new ApiError('catalog.row-not-owned', `目录事项 ${item.code} 的责任部门是 ${item.departmentCodes.join('、')}，${actor.departmentCode} 不能在其下起草`, [
        { field: 'catalogItemCode', problems: [`责任部门为 ${item.departmentCodes.join('、')}`] },
      ]);
    }
    if (refusal === 'unassigned') {
      throw new ApiError('catalog.row-unassigned', `目录事项 ${item.code} 尚未指定责任部门`, [{ field: 'catalogItemCode', problems: ['尚未指定责任部门'] }]);
    }
    const unknown = unknownChannels(dto.channels ?? [], item.channels);
    if (unknown.length) {
      throw ApiError.invalid('channels', `未知的发布渠道：${unknown.join('、')}。可选：本目录事项的渠道（${item.channels.join('、')}），或政府网站、政务新媒体（两微一端、微信、微博等）、政府公报、公示栏`);
    }
    const choice = { timeLimitCase: dto.timeLimitCase, manualDueDate: dto.manualDueDate, manualDueReason: dto.manualDueReason };
    const problems = releaseDeadlineChoiceProblems(item.timeLimitRule, choice, dto.formedAt);
    if (problems.length) {
      throw new ApiError(
        'invalid-input',
        problems.map((p) => `${p.field}: ${p.problem}`).join('；'),
        [...new Set(problems.map((p) => p.field))].map((field) => ({ field, problems: problems.filter((p) => p.field === field).map((p) => p.problem) })),
      );
    }
    const channels = releaseChannelsOfDraft(dto.channels ?? item.channels);
    const catalogItem = toCatalogItemResponse(item);
    const view = await this.workflows.startDraft({
      itemId,
      drafter: toActorRef(actor, requestId),
      catalogVersionId: version.id,
      catalogItem: {
        code: catalogItem.code,
        area: catalogItem.area,
        level1: catalogItem.level1,
        level2: catalogItem.level2,
        ...(catalogItem.level3 ? { level3: catalogItem.level3 } : {}),
        content: catalogItem.content,
        basis: catalogItem.basis,
        subject: catalogItem.subject,
        channels: catalogItem.channels,
        mode: catalogItem.mode,
        timeLimit: catalogItem.timeLimit,
        needsInterpretation: catalogItem.needsInterpretation,
      },
      title: dto.title,
      body: dto.body,
      formedAt: dto.formedAt,
      channels,
      normativeDocument: dto.normativeDocument ?? false,
      interpretationLagWorkingDays: this.config.policies.interpretationLagWorkingDays,
      ...(dto.interpretation ? { interpretation: dto.interpretation } : {}),
      ...(dto.timeLimitCase !== undefined ? { timeLimitCase: dto.timeLimitCase } : {}),
      ...(dto.manualDueDate !== undefined ? { manualDueDate: dto.manualDueDate, manualDueReason: dto.manualDueReason?.trim() } : {}),
    });
    return this.createdResponse(itemId, view.state, view.releaseDueAt, view.releaseDueExplanation);
  }

  /** What a retried create says differently from the draft its key made (its first revision), by field. */
  private async differencesFromDraft(existing: DisclosureItemEntity, dto: CreateItemDto): Promise<string[]> {
    const [first]: { title: string; body: string; interpretation: string | null }[] = await this.dataSource.query(
      `SELECT title, body, interpretation FROM item_revisions WHERE item_id = $1 ORDER BY revision LIMIT 1`,
      [existing.id],
    );
    const catalogItem = dto.channels ? undefined : await this.catalog.findItemInVersion(existing.catalogVersionId, existing.catalogItemCode);
    const channels = releaseChannelsOfDraft(dto.channels ?? catalogItem?.channels ?? existing.channels);
    const compared: [string, boolean][] = [
      ['catalogItemCode', dto.catalogItemCode === existing.catalogItemCode],
      ['title', dto.title === (first?.title ?? existing.title)],
      ['body', dto.body === (first?.body ?? existing.body)],
      ['interpretation', (dto.interpretation ?? null) === (first ? first.interpretation : existing.interpretation)],
      ['formedAt', dto.formedAt === existing.formedAt],
      ['channels', channels.join('\n') === existing.channels.join('\n')],
      ['normativeDocument', (dto.normativeDocument ?? false) === existing.normativeDocument],
    ];
    return compared.filter(([, same]) => !same).map(([field]) => field);
  }

  private createdResponse(id: string, state: string, releaseDueAt: string | undefined, why: string | undefined) {
    return { id, state, releaseDueAt: releaseDueAt ?? null, releaseDueExplanation: why ?? null };
  }

  /** The item row, after checking the actor may see it: same department, or an oversight role. */
  async loadVisible(actor: Actor, id: string): Promise<DisclosureItemEntity> {
    const item = await this.dataSource.getRepository(DisclosureItemEntity).findOneBy({ id });
    if (!item) throw ApiError.notFound(`事项 ${id} 不存在`);
    if (!maySeeDepartmentWork(actor, item.departmentCode)) {
      throw ApiError.forbidden(`事项 ${id} 属于部门 ${item.departmentCode}`);
    }
    return item;
  }

  async detail(actor: Actor, id: string) {
    const item = await this.loadVisible(actor, id);
    const [audit, tasks, publications, catalogItem, catalogVersion, attachments] = await Promise.all([
      this.dataSource.getRepository(AuditEventEntity).find({ where: { itemId: id }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(ReviewTaskEntity).find({ where: { itemId: id }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(PublicationEntity).find({ where: { itemId: id }, order: { id: 'ASC' } }),
      this.catalog.findItemInVersion(item.catalogVersionId, item.catalogItemCode),
      this.dataSource.getRepository(CatalogVersionEntity).findOneBy({ id: item.catalogVersionId }),
      listItemAttachments(this.dataSource, id),
    ]);
    const names = await this.displayNames(audit.map((event) => event.actor));
    const now = Date.now();
    return {
      id: item.id,
      title: item.title,
      body: item.body,
      state: item.state,
      revision: item.revision,
      departmentCode: item.departmentCode,
      drafter: item.drafterUsername,
      formedAt: item.formedAt,
      channels: item.channels,
      catalogVersionId: item.catalogVersionId,
      // The version the item started under: its rule stays, whatever is active now.
      catalogVersion: catalogVersion ? { id: catalogVersion.id, label: catalogVersion.label, state: catalogVersion.state } : null,
      catalogItem: catalogItem ? toCatalogItemResponse(catalogItem) : { code: item.catalogItemCode },
      releaseDueAt: item.releaseDueAt,
      releasedAt: item.releasedAt,
      normativeDocument: item.normativeDocument,
      interpretation: item.interpretation,
      overdue: item.overdue,
      scheduledReleaseAt: item.scheduledReleaseAt,
      currentEdition: item.currentEdition,
      signedContentHash: item.signedContentHash,
      withdrawnAt: item.withdrawnAt,
      withdrawalReason: item.withdrawalReason,
      publicityPeriod: publicityPeriodView(item, now),
      deadlines: [
        ...(item.releaseDueAt
          ? [{
              kind: 'release',
              label: '法定公开时限',
              dueAt: item.releaseDueAt,
              provisional: item.releaseDueProvisional,
              why: item.releaseDueExplanation,
              met: item.releasedAt ? item.releasedAt <= item.releaseDueAt : null,
              // The timer's flag, or the clock where the timer has not run (an item from before it).
              overdue: !item.releasedAt && (item.releaseOverdue || item.releaseDueAt.getTime() < now),
              workingDaysLate: item.releaseLateWorkingDays,
            }]
          : []),
        ...tasks.map((task) => ({
          kind: 'task',
          label: taskStageLabel(task.stage),
          taskId: task.id,
          dueAt: task.dueAt,
          provisional: false,
          why: `${taskStageLabel(task.stage)}内部办理时限：${task.dueExplanation ?? ''}`,
          met: task.completedAt ? task.completedAt <= task.dueAt : null,
          overdue: task.overdue || (task.state === 'open' && task.dueAt.getTime() < now),
        })),
      ],
      tasks: tasks.map((task) => ({
        id: task.id,
        stage: task.stage,
        stageLabel: taskStageLabel(task.stage),
        state: task.state,
        claimedBy: task.claimedBy,
        assignee: task.assignee,
        overdue: task.overdue,
        escalated: task.escalated,
        remindedAt: task.remindedAt,
        decision: task.decision,
        comment: task.comment,
        decidedBy: task.decidedBy,
        dueAt: task.dueAt,
        completedAt: task.completedAt,
      })),
      timeline: audit.map((event) => ({
        at: event.occurredAt,
        action: event.action,
        actor: event.actor,
        actorName: names.get(event.actor) ?? event.actor,
        role: event.actorRole,
        departmentCode: event.departmentCode,
        taskId: event.taskId,
        decision: event.action.startsWith('task.') ? event.action.slice('task.'.length) : undefined,
        reason: event.reason,
        detail: event.detail,
      })),
      attachments,
      publications: inChannelOrder(publications, item.channels).map((p) => ({ channel: p.channel, kind: p.channelKind, status: p.status, action: p.action, revision: p.revision, at: p.occurredAt, reference: p.reference, contentHash: p.contentHash, confirmation: (p.detail?.confirmation as ChannelConfirmation | undefined) ?? null })),
    };
  }

  async submit(actor: Actor, id: string, idempotencyKey: string | undefined, requestId: string | undefined): Promise<DisclosureItemView> {
    const item = await this.loadVisible(actor, id);
    rejectIfClosed(item);
    return this.workflows.submit(id, { actor: toActorRef(actor, requestId) }, idempotencyKey).then(async (view) => (await rescanItemFindings(this.dataSource, id), view));
  }

  async revise(actor: Actor, id: string, dto: ReviseItemDto, idempotencyKey: string | undefined, requestId: string | undefined): Promise<DisclosureItemView> {
    const item = await this.loadVisible(actor, id);
    rejectIfClosed(item);
    return this.workflows.revise(id, { actor: toActorRef(actor, requestId), ...dto }, idempotencyKey).then(async (view) => (await rescanItemFindings(this.dataSource, id), view));
  }

  /** A change to a released item: a new edition goes through the chain again; the released one stays public meanwhile. */
  async newEdition(actor: Actor, id: string, dto: NewEditionDto, idempotencyKey: string | undefined, requestId: string | undefined): Promise<DisclosureItemView> {
    const item = await this.loadVisible(actor, id);
    rejectIfClosed(item);
    return this.workflows.newEdition(id, { actor: toActorRef(actor, requestId), ...dto }, idempotencyKey);
  }

  /** A supervisor gives a task or the release more working days, with a reason the audit keeps. */
  async extendDeadline(actor: Actor, id: string, dto: ExtendDeadlineDto, idempotencyKey: string | undefined, requestId: string | undefined): Promise<DisclosureItemView> {
    const item = await this.loadVisible(actor, id);
    rejectIfClosed(item);
    return this.workflows.extendDeadline(id, { actor: toActorRef(actor, requestId), target: dto.target, workingDays: dto.workingDays, reason: dto.reason }, idempotencyKey);
  }

  async withdraw(actor: Actor, id: string, reason: string, idempotencyKey: string | undefined, requestId: string | undefined): Promise<DisclosureItemView> {
    const item = await this.loadVisible(actor, id);
    rejectIfClosed(item);
    return this.workflows.withdraw(id, { actor: toActorRef(actor, requestId), reason }, idempotencyKey);
  }

  private async displayNames(usernames: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(usernames)];
    if (unique.length === 0) return new Map();
    const users = await this.dataSource.getRepository(UserEntity).createQueryBuilder('u').where('u.username IN (:...unique)', { unique }).getMany();
    return new Map(users.map((u) => [u.username, u.displayName]));
  }
}
