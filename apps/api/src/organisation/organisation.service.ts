import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAuditEvent } from '@zwgk/db';
import type { Actor } from '@zwgk/domain';
import { AccountStatusCache } from '../auth/account-status';
import { ApiError } from '../common/api-error';
import type { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './organisation.dto';

interface DepartmentRow {
  code: string;
  name: string;
  parent_code: string | null;
  kind: 'county' | 'department' | 'township';
  active: boolean;
  deactivated_at: Date | null;
}

/** A unit's kind in words, for refusals. */
const UNIT_KIND_WORDS: Readonly<Record<string, string>> = { county: '县政府', department: '部门', township: '乡镇（街道）' };

const DEPARTMENT_COLUMNS = 'code, name, parent_code, kind, active, deactivated_at';

const toDepartment = (row: DepartmentRow) => ({
  code: row.code,
  name: row.name,
  parentCode: row.parent_code,
  kind: row.kind,
  active: row.active,
  deactivatedAt: row.deactivated_at?.toISOString() ?? null,
});

/**
 * What keeps a unit from being deactivated: people who still work in it, units under it, and work that is
 * still open there (nobody would see or finish it once the unit is gone). Each in words, with its count.
 */
const BLOCKERS = [
  { key: 'users', zh: (n: number) => `在用用户 ${n} 人` },
  { key: 'sub_units', zh: (n: number) => `在用下级单位 ${n} 个` },
  { key: 'items', zh: (n: number) => `未办结的公开事项 ${n} 件` },
  { key: 'review_tasks', zh: (n: number) => `未完成的审核任务 ${n} 件` },
  { key: 'obligation_tasks', zh: (n: number) => `未完成的定期公开任务 ${n} 件` },
  { key: 'obligations', zh: (n: number) => `有效的定期公开义务 ${n} 项` },
  { key: 'concerns', zh: (n: number) => `待办的关切回应 ${n} 件` },
  { key: 'demands', zh: (n: number) => `未答复的督办要求 ${n} 件` },
] as const;

/**
 * Departments (县政府 → 部门 → 乡镇/街道), users and their role assignments. Admins change them; every
 * change is written to the audit trail with what it was before.
 */
@Injectable()
export class OrganisationService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccountStatusCache) private readonly accounts: AccountStatusCache,
  ) {}

  /** A change that may deactivate someone (a user, or a unit and so its users): signed-in tokens re-check. */
  private async changingAccounts<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } finally {
      this.accounts.invalidate();
    }
  }

  async departments() {
    // Inactive units stay in the list (marked), so the history of their items and users stays readable.
    const rows: DepartmentRow[] = await this.dataSource.query(`SELECT ${DEPARTMENT_COLUMNS} FROM departments ORDER BY kind, code`);
    return { items: rows.map(toDepartment) };
  }

  async users() {
    const rows: { username: string; display_name: string; department_code: string; roles: string[]; active: boolean; email: string | null; mobile: string | null }[] =
      await this.dataSource.query(`SELECT username, display_name, department_code, roles, active, email, mobile FROM users ORDER BY department_code, username`);
    return { items: rows.map((row) => ({ username: row.username, displayName: row.display_name, departmentCode: row.department_code, roles: row.roles, active: row.active, email: row.email, mobile: row.mobile })) };
  }

  /** The org.* audit events of a department (detail.code) or a user (detail.username), newest first; 404 when unknown. */
  async history(kind: 'department' | 'user', key: string) {
    const [exists] = await this.dataSource.query(kind === 'department' ? `SELECT 1 FROM departments WHERE code = $1` : `SELECT 1 FROM users WHERE username = $1`, [key]);
    if (!exists) throw ApiError.notFound(`${kind === 'department' ? '部门' : '用户'} ${key} 不存在`);
    const rows: { action: string; actor: string; actor_name: string | null; occurred_at: Date; request_id: string | null; detail: { before?: unknown; after?: unknown } }[] =
      await this.dataSource.query(
        `SELECT a.action, a.actor, u.display_name AS actor_name, a.occurred_at, a.request_id, a.detail
           FROM audit_events a LEFT JOIN users u ON u.username = a.actor
          WHERE starts_with(a.action, $1) AND a.detail ->> $2 = $3
          ORDER BY a.id DESC LIMIT 200`,
        [kind === 'department' ? 'org.department-' : 'org.user-', kind === 'department' ? 'code' : 'username', key],
      );
    return {
      items: rows.map((row) => ({
        action: row.action,
        actor: row.actor,
        actorName: row.actor_name ?? row.actor,
        at: row.occurred_at.toISOString(),
        requestId: row.request_id,
        before: row.detail.before ?? null,
        after: row.detail.after ?? null,
      })),
    };
  }

  createDepartment(actor: Actor, dto: CreateDepartmentDto, requestId: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      if ((await this.department(manager, dto.code)) !== undefined) throw ApiError.conflict(`部门 ${dto.code} 已存在`);
      if (dto.kind === 'county') await this.checkNoCountyYet(manager);
      await this.checkParent(manager, dto.kind, dto.parentCode, dto.code);
      await manager.query(`INSERT INTO departments (code, name, parent_code, kind) VALUES ($1, $2, $3, $4)`, [dto.code, dto.name, dto.parentCode ?? null, dto.kind]);
      await this.audit(manager, actor, 'org.department-created', requestId, { code: dto.code, after: dto });
      return { code: dto.code, name: dto.name, parentCode: dto.parentCode ?? null, kind: dto.kind, active: true, deactivatedAt: null };
    });
  }

  /**
   * Renames, moves, deactivates (active: false) or reactivates (active: true) a unit. Deactivation is refused
   * (409, each reason with its count) for the county government and while the unit still has active users,
   * active sub-units or open work; the row is kept for history. A repeated request that changes nothing is
   * answered with the unit as it is and writes no second audit row.
   */
  updateDepartment(actor: Actor, code: string, dto: UpdateDepartmentDto, requestId: string | undefined) {
    return this.changingAccounts(async (manager) => {
      // FOR UPDATE: a deactivation waits for (and then sees) users and sub-units being added under this unit.
      const before = await this.department(manager, code, 'update');
      if (!before) throw ApiError.notFound(`部门 ${code} 不存在`);
      const parentCode = dto.parentCode ?? before.parent_code ?? undefined;
      if (dto.parentCode !== undefined && dto.parentCode !== before.parent_code) await this.checkParent(manager, before.kind, parentCode, code);
      const active = dto.active ?? before.active;
      if (active !== before.active) {
        if (active) await this.checkReactivation(manager, before);
        else await this.checkDeactivation(manager, before);
      }
      const name = dto.name ?? before.name;
      const deactivatedAt = active === before.active ? before.deactivated_at : active ? null : new Date();
      if (name === before.name && (parentCode ?? null) === before.parent_code && active === before.active) return toDepartment(before);
      await manager.query(`UPDATE departments SET name = $2, parent_code = $3, active = $4, deactivated_at = $5 WHERE code = $1`, [code, name, parentCode ?? null, active, deactivatedAt]);
      const action = active === before.active ? 'org.department-updated' : active ? 'org.department-reactivated' : 'org.department-deactivated';
      await this.audit(manager, actor, action, requestId, { code, before, after: { ...dto, ...(active === before.active ? {} : { active, deactivatedAt }) } });
      return toDepartment({ ...before, name, parent_code: parentCode ?? null, active, deactivated_at: deactivatedAt });
    });
  }

  /**
   * A county has one government (县人民政府): it is the root of the tree, review chains, reports and the
   * deactivation rules hang from it, and it can never be deactivated. A second root could never be removed,
   * so it is refused (409) rather than made removable; a county that exists is renamed, not recreated.
   * The advisory lock makes two concurrent first-county requests take turns.
   */
  private async checkNoCountyYet(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('departments:county-root'))`);
    const [existing]: { code: string; name: string }[] = await manager.query(`SELECT code, name FROM departments WHERE kind = 'county' OR parent_code IS NULL ORDER BY code LIMIT 1`);
    if (existing) {
      throw new ApiError('conflict', `本县已有县级单位“${existing.name}”（${existing.code}），不能再建第二个县政府；如需更名请修改该单位`, [
        { field: 'kind', problems: ['县级单位只能有一个'] },
      ]);
    }
  }

  /** The county government can never be deactivated; any other unit only once nobody and nothing open is left in it. */
  private async checkDeactivation(manager: EntityManager, department: DepartmentRow): Promise<void> {
    if (department.kind === 'county' || department.parent_code === null) {
      throw ApiError.conflict(`“${department.name}”是县政府，不能停用`);
    }
    const [counts]: Record<(typeof BLOCKERS)[number]['key'], string>[] = await manager.query(
      `SELECT (SELECT count(*) FROM users WHERE department_code = $1 AND active) AS users,
              (SELECT count(*) FROM departments WHERE parent_code = $1 AND active) AS sub_units,
              (SELECT count(*) FROM disclosure_items WHERE department_code = $1 AND state NOT IN ('RELEASED', 'REJECTED', 'WITHDRAWN')) AS items,
              (SELECT count(*) FROM review_tasks WHERE department_code = $1 AND state = 'open') AS review_tasks,
              (SELECT count(*) FROM obligation_tasks WHERE department_code = $1 AND state = 'open') AS obligation_tasks,
              (SELECT count(*) FROM obligations WHERE department_code = $1 AND state = 'active') AS obligations,
              (SELECT count(*) FROM concerns WHERE assigned_department_code = $1 AND state <> 'PUBLISHED') AS concerns,
              (SELECT count(*) FROM supervision_demands WHERE department_code = $1 AND state <> 'answered') AS demands`,
      [department.code],
    );
    const found = BLOCKERS.map((blocker) => ({ blocker, count: Number(counts![blocker.key]) })).filter(({ count }) => count > 0);
    if (!found.length) return;
    // fields[active].problems lists each reason on its own, as the admin reads it.
    const reasons = found.map(({ blocker, count }) => blocker.zh(count));
    throw new ApiError(
      'conflict',
      `“${department.name}”尚有${reasons.join('、')}，请先调离或办结后再停用`,
      [{ field: 'active', problems: reasons }],
    );
  }

  /** An active unit never sits under an inactive one: its parent is reactivated first. */
  private async checkReactivation(manager: EntityManager, department: DepartmentRow): Promise<void> {
    if (!department.parent_code) return;
    const parent = await this.department(manager, department.parent_code, 'share');
    if (parent && !parent.active) {
      throw ApiError.conflict(`上级单位“${parent.name}”已停用，请先启用上级单位`);
    }
  }

  createUser(actor: Actor, dto: CreateUserDto, requestId: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`SELECT 1 FROM users WHERE username = $1`, [dto.username]);
      if (existing) throw ApiError.conflict(`用户 ${dto.username} 已存在`);
      await this.checkUserDepartment(manager, dto.departmentCode);
      const roles = [...new Set(dto.roles)];
      await manager.query(`INSERT INTO users (username, display_name, department_code, roles, email, mobile) VALUES ($1, $2, $3, $4, $5, $6)`, [
        dto.username, dto.displayName, dto.departmentCode, roles, dto.email ?? null, dto.mobile ?? null,
      ]);
      await this.audit(manager, actor, 'org.user-created', requestId, { username: dto.username, after: { ...dto, roles } });
      return { username: dto.username, displayName: dto.displayName, departmentCode: dto.departmentCode, roles, active: true, email: dto.email ?? null, mobile: dto.mobile ?? null };
    });
  }

  updateUser(actor: Actor, username: string, dto: UpdateUserDto, requestId: string | undefined) {
    return this.changingAccounts(async (manager) => {
      const [before]: { username: string; display_name: string; department_code: string; roles: string[]; active: boolean; email: string | null; mobile: string | null }[] =
        await manager.query(`SELECT username, display_name, department_code, roles, active, email, mobile FROM users WHERE username = $1 FOR UPDATE`, [username]);
      if (!before) throw ApiError.notFound(`用户 ${username} 不存在`);
      if (dto.departmentCode && dto.departmentCode !== before.department_code) await this.checkUserDepartment(manager, dto.departmentCode);
      else if (dto.active === true && !before.active) await this.checkUserDepartment(manager, before.department_code, 'reactivate');
      if (dto.departmentCode && dto.departmentCode !== before.department_code && dto.roles === undefined) {
        // Roles are held in a department: a move must say which roles the user has in the new one.
        throw ApiError.invalid('roles', '请填写该用户在新部门担任的角色（roles）');
      }
      if (username === actor.username && (dto.active === false || (dto.roles && !dto.roles.includes('admin')))) {
        throw ApiError.conflict('系统管理员不能停用自己，也不能取消自己的管理员角色');
      }
      const after = {
        displayName: dto.displayName ?? before.display_name,
        departmentCode: dto.departmentCode ?? before.department_code,
        roles: dto.roles ? [...new Set(dto.roles)] : before.roles,
        active: dto.active ?? before.active,
        email: dto.email ?? before.email,
        mobile: dto.mobile ?? before.mobile,
      };
      await manager.query(`UPDATE users SET display_name = $2, department_code = $3, roles = $4, active = $5, email = $6, mobile = $7 WHERE username = $1`, [
        username, after.displayName, after.departmentCode, after.roles, after.active, after.email, after.mobile,
      ]);
      await this.audit(manager, actor, 'org.user-updated', requestId, { username, before, after });
      return { username, ...after };
    });
  }

  private async department(manager: EntityManager, code: string, lock?: 'update' | 'share'): Promise<DepartmentRow | undefined> {
    const [row]: DepartmentRow[] = await manager.query(`SELECT ${DEPARTMENT_COLUMNS} FROM departments WHERE code = $1${lock === 'update' ? ' FOR UPDATE' : lock === 'share' ? ' FOR SHARE' : ''}`, [code]);
    return row;
  }

  /**
   * A user is created in, moved to or reactivated in an existing, active unit. FOR SHARE: a concurrent
   * deactivation of that unit waits for this transaction and then counts the user.
   */
  private async checkUserDepartment(manager: EntityManager, code: string, reactivate?: 'reactivate'): Promise<void> {
    const department = await this.department(manager, code, 'share');
    if (!department) throw ApiError.invalid('departmentCode', `部门“${code}”不存在`);
    if (!department.active) {
      throw ApiError.invalid(
        'departmentCode',
        reactivate
          ? `该用户所在单位“${department.name}”已停用，请先将其调至在用单位再启用`
          : `“${department.name}”已停用，不能再调入用户`,
      );
    }
  }

  /** 县政府 has no parent; a 部门 sits under the county; a 乡镇/街道 under the county or a department; no cycles. */
  private async checkParent(manager: EntityManager, kind: DepartmentRow['kind'], parentCode: string | undefined, code: string): Promise<void> {
    if (kind === 'county') {
      if (parentCode) throw ApiError.invalid('parentCode', '县政府没有上级单位');
      return;
    }
    if (!parentCode) throw ApiError.invalid('parentCode', `${UNIT_KIND_WORDS[kind] ?? kind}须有上级单位`);
    // FOR SHARE: a concurrent deactivation of the parent waits for this unit and then counts it.
    const parent = await this.department(manager, parentCode, 'share');
    if (!parent) throw ApiError.invalid('parentCode', `上级单位“${parentCode}”不存在`);
    if (!parent.active) throw ApiError.invalid('parentCode', `上级单位“${parent.name}”已停用，不能再设立下级单位`);
    const allowed = kind === 'department' ? ['county'] : ['county', 'department'];
    if (!allowed.includes(parent.kind)) throw ApiError.invalid('parentCode', `${UNIT_KIND_WORDS[kind] ?? kind}不能隶属于${UNIT_KIND_WORDS[parent.kind] ?? parent.kind}`);
    const ancestors: { code: string }[] = await manager.query(
      `WITH RECURSIVE up AS (SELECT code, parent_code FROM departments WHERE code = $1 UNION SELECT d.code, d.parent_code FROM departments d JOIN up ON d.code = up.parent_code) SELECT code FROM up`,
      [parentCode],
    );
    if (ancestors.some((row) => row.code === code)) throw ApiError.invalid('parentCode', '单位不能隶属于自己或自己的下级单位');
  }

  private async audit(manager: EntityManager, actor: Actor, action: string, requestId: string | undefined, detail: Record<string, unknown>) {
    await writeAuditEvent(manager, { eventKey: `${action}:${randomUUID()}`, actor: actor.username, actorRole: 'admin', departmentCode: actor.departmentCode, action, detail, requestId });
  }
}
