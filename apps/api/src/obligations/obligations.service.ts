import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { obligationScheduleId } from '@zwgk/contracts';
import { DepartmentEntity, DisclosureItemEntity, ObligationEntity, ObligationTaskEntity, writeAuditEvent } from '@zwgk/db';
import { catalogItemName, fulfilmentProblem, hasOversight, obligationCalendarSpec, obligationManagingRole, obligationRuleOf, obligationRuleProblem, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { uuidFromKey } from '../common/idempotency-key';
import { CatalogService } from '../catalog/catalog.service';
import { toActorRef } from '../items/items.service';
import type { FulfilObligationTaskDto } from './fulfil-obligation-task.dto';
import { toFulfilmentResponse, toObligationResponse, toObligationTaskResponse, toRecordedFulfilmentResponse } from './obligation.mapper';
import { ObligationWorkflowClient } from './obligation-workflow.client';
import type { RegisterObligationDto } from './register-obligation.dto';

/** Postgres' unique_violation: the one-active-obligation index refused a second registration. */
const UNIQUE_VIOLATION = '23505';

/**
 * Periodic obligations (定期公开): registering a catalog item as a department's standing obligation
 * creates its Temporal Schedule; each firing opens that period's drafting task, which the department
 * fulfils with a disclosure item.
 */
@Injectable()
export class ObligationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CatalogService) private readonly catalog: CatalogService,
    @Inject(ObligationWorkflowClient) private readonly workflows: ObligationWorkflowClient,
  ) {}

  /**
   * Registers the obligation and creates its Schedule in one transaction: if Temporal refuses, nothing is
   * stored. With an Idempotency-Key the id comes from the key, so a retry answers with the same obligation.
   */
  async register(actor: Actor, dto: RegisterObligationDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    const obligationId = idempotencyKey ? uuidFromKey(`obligation:${actor.username}`, idempotencyKey) : randomUUID();
    if (idempotencyKey && (await this.dataSource.getRepository(ObligationEntity).existsBy({ id: obligationId }))) return this.describe(obligationId);

    const found = await this.catalog.findActiveItem(dto.catalogItemCode);
    if (!found) throw ApiError.invalid('catalogItemCode', `当前启用的目录中没有事项“${dto.catalogItemCode}”`);
    const { version, item } = found;
    const rule = obligationRuleOf(item.timeLimitRule);
    if (!rule) {
      throw ApiError.invalid('catalogItemCode', `事项 ${item.code} 的公开时限（${item.timeLimitText}）既不是周期性的，也不是每年固定日期，不能设为常态化公开任务`);
    }
    const problem = obligationRuleProblem(rule);
    if (problem) throw ApiError.invalid('catalogItemCode', problem);
    const department = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ code: dto.departmentCode });
    if (!department) throw ApiError.invalid('departmentCode', `部门“${dto.departmentCode}”不存在`);
    if (!department.active) throw ApiError.invalid('departmentCode', `“${department.name}”已停用，不能再设立公开任务`);
    await this.refuseDuplicate(this.dataSource.manager, item.code, department.code);

    const spec = obligationCalendarSpec(rule);
    const scheduleId = obligationScheduleId(obligationId);
    await this.dataSource.transaction(async (manager) => {
      try {
        await manager.query(
          `INSERT INTO obligations (id, catalog_version_id, catalog_item_code, department_code, time_limit_text, rule, schedule_id, state, created_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,'active',$8)`,
          [obligationId, version.id, item.code, department.code, item.timeLimitText, JSON.stringify(rule), scheduleId, actor.username],
        );
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) await this.refuseDuplicate(this.dataSource.manager, item.code, department.code);
        throw error;
      }
      await this.audit(manager, actor, `${scheduleId}:registered`, 'obligation.registered', requestId, {
        obligationId,
        catalogItemCode: item.code,
        catalogVersionId: version.id,
        departmentCode: department.code,
        rule,
        scheduleId,
        schedule: spec,
      });
      // Last, so that a refusal from Temporal rolls the registration back.
      await this.workflows.createSchedule(spec, {
        obligationId,
        catalogItemCode: item.code,
        catalogItemName: catalogItemName({ level1: item.level1, level2: item.level2, ...(item.level3 ? { level3: item.level3 } : {}) }),
        departmentCode: department.code,
        rule,
      });
    });
    return this.describe(obligationId);
  }

  /** 409 when the department already has this catalog item as an active obligation. */
  private async refuseDuplicate(manager: EntityManager, catalogItemCode: string, departmentCode: string): Promise<void> {
    const existing = await manager.getRepository(ObligationEntity).findOneBy({ catalogItemCode, departmentCode, state: 'active' });
    if (existing) throw ApiError.conflict(`部门 ${departmentCode} 已有事项 ${catalogItemCode} 的公开任务 ${existing.id}`);
  }

  /** Active obligations: all of them for the managing and oversight roles, otherwise my department's. */
  async list(actor: Actor) {
    const oversight = hasOversight(actor);
    const obligations = await this.dataSource.getRepository(ObligationEntity).find({
      where: { state: 'active', ...(oversight ? {} : { departmentCode: actor.departmentCode }) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: await this.toResponses(obligations) };
  }

  async describe(id: string) {
    const obligation = await this.dataSource.getRepository(ObligationEntity).findOneBy({ id });
    if (!obligation) throw ApiError.notFound(`公开任务 ${id} 不存在`);
    const [response] = await this.toResponses([obligation]);
    return response;
  }

  /**
   * Ends the standing obligation: its Schedule is deleted first (so no further period opens), then the
   * registration is marked deleted and audited. A period already open keeps its task until fulfilled.
   */
  async remove(actor: Actor, id: string, requestId: string | undefined) {
    const obligation = await this.dataSource.getRepository(ObligationEntity).findOneBy({ id });
    if (!obligation) throw ApiError.notFound(`公开任务 ${id} 不存在`);
    if (obligation.state === 'deleted') throw ApiError.conflict(`公开任务 ${id} 已经删除`);
    await this.workflows.deleteSchedule(obligation.scheduleId);
    await this.dataSource.transaction(async (manager) => {
      const [, changed]: [unknown[], number] = await manager.query(
        `UPDATE obligations SET state = 'deleted', deleted_by = $2, deleted_at = now() WHERE id = $1 AND state = 'active' RETURNING id`,
        [id, actor.username],
      );
      if (changed === 0) throw ApiError.conflict(`公开任务 ${id} 已经删除`);
      await this.audit(manager, actor, `${obligation.scheduleId}:deleted`, 'obligation.deleted', requestId, {
        obligationId: id,
        catalogItemCode: obligation.catalogItemCode,
        departmentCode: obligation.departmentCode,
        scheduleId: obligation.scheduleId,
      });
    });
    return this.describe(id);
  }

  /** My department's open drafting tasks (overdue ones included), soonest due first. */
  async openTasks(actor: Actor) {
    const tasks = await this.dataSource.getRepository(ObligationTaskEntity).find({
      where: { departmentCode: actor.departmentCode, state: 'open' },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
    const names = await this.catalogItemNames(tasks.map((task) => task.obligationId));
    return { items: tasks.map((task) => toObligationTaskResponse(task, names.get(task.obligationId))) };
  }

  /**
   * The items my department may name as the period's fulfilment (履行): the domain's rule over the read
   * model's items of the task's catalog row; released ones first. The period's workflow judges again.
   */
  async candidates(actor: Actor, taskId: string) {
    const task = await this.dataSource.getRepository(ObligationTaskEntity).findOneBy({ id: taskId });
    if (!task) throw ApiError.notFound(`起草任务 ${taskId} 不存在`);
    if (task.departmentCode !== actor.departmentCode) throw ApiError.forbidden(`起草任务 ${taskId} 属于部门 ${task.departmentCode}`);
    const items = await this.dataSource.getRepository(DisclosureItemEntity).find({
      where: { departmentCode: task.departmentCode, catalogItemCode: task.catalogItemCode },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 200,
    });
    const period = { departmentCode: task.departmentCode, catalogItemCode: task.catalogItemCode, periodLabel: task.periodLabel, periodStart: task.periodStart };
    const fitting = items.filter((item) => !fulfilmentProblem(period, { itemId: item.id, departmentCode: item.departmentCode, catalogItemCode: item.catalogItemCode, state: item.state, createdAt: item.createdAt }));
    fitting.sort((a, b) => Number(b.state === 'RELEASED') - Number(a.state === 'RELEASED'));
    return { items: fitting.map((item) => ({ id: item.id, title: item.title, state: item.state, createdAt: item.createdAt.toISOString(), releasedAt: item.releasedAt?.toISOString() ?? null })) };
  }

  /**
   * Sends the item's facts from the read model to the period's workflow, whose validator decides: the
   * actor, the item's department, its catalog item and its creation date are its rules.
   */
  async fulfil(actor: Actor, taskId: string, dto: FulfilObligationTaskDto, idempotencyKey: string | undefined, requestId: string | undefined) {
    const task = await this.dataSource.getRepository(ObligationTaskEntity).findOneBy({ id: taskId });
    if (!task) throw ApiError.notFound(`起草任务 ${taskId} 不存在`);
    if (task.state === 'fulfilled') {
      // The same request again (its Idempotency-Key, the same drafter and item) answers what the first did.
      if (idempotencyKey && task.fulfilledItemId === dto.itemId && task.fulfilledBy === actor.username) return toRecordedFulfilmentResponse(task);
      throw ApiError.conflict(`起草任务 ${taskId} 已经完成`);
    }
    const item = await this.dataSource.getRepository(DisclosureItemEntity).findOneBy({ id: dto.itemId });
    if (!item) throw ApiError.invalid('itemId', `事项 ${dto.itemId} 不存在`);
    const view = await this.workflows.fulfil(
      task.workflowId,
      {
        taskId,
        actor: toActorRef(actor, requestId),
        item: { itemId: item.id, departmentCode: item.departmentCode, catalogItemCode: item.catalogItemCode, state: item.state, createdAt: item.createdAt.toISOString() },
      },
      idempotencyKey,
    );
    return toFulfilmentResponse(view);
  }

  private async toResponses(obligations: readonly ObligationEntity[]) {
    if (obligations.length === 0) return [];
    const ids = obligations.map((obligation) => obligation.id);
    const [tasks, names, departments] = await Promise.all([
      // Newest period first: the first task found per obligation is its latest.
      this.dataSource.getRepository(ObligationTaskEntity).find({ where: { obligationId: In(ids) }, order: { periodStart: 'DESC', id: 'ASC' } }),
      this.catalogItemNames(ids),
      this.dataSource.getRepository(DepartmentEntity).findBy({ code: In([...new Set(obligations.map((obligation) => obligation.departmentCode))]) }),
    ]);
    const now = new Date();
    return obligations.map((obligation) =>
      toObligationResponse(
        obligation,
        { catalogItemName: names.get(obligation.id), departmentName: departments.find((department) => department.code === obligation.departmentCode)?.name },
        tasks.find((task) => task.obligationId === obligation.id),
        now,
      ),
    );
  }

  /** The catalog item's name in the version each obligation was registered under, by obligation id. */
  private async catalogItemNames(obligationIds: readonly string[]): Promise<Map<string, string>> {
    if (obligationIds.length === 0) return new Map();
    const rows: { id: string; level1: string; level2: string; level3: string | null }[] = await this.dataSource.query(
      `SELECT o.id, c.level1, c.level2, c.level3
         FROM obligations o JOIN catalog_items c ON c.version_id = o.catalog_version_id AND c.code = o.catalog_item_code
        WHERE o.id = ANY($1)`,
      [[...new Set(obligationIds)]],
    );
    return new Map(rows.map((row) => [row.id, catalogItemName({ level1: row.level1, level2: row.level2, ...(row.level3 ? { level3: row.level3 } : {}) })]));
  }

  private async audit(manager: EntityManager, actor: Actor, eventKey: string, action: string, requestId: string | undefined, detail: Record<string, unknown>) {
    await writeAuditEvent(manager, { eventKey, actor: actor.username, actorRole: obligationManagingRole(actor) ?? actor.roles[0] ?? null, departmentCode: actor.departmentCode, action, detail, requestId });
  }
}
