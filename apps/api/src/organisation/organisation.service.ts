import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import type { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './organisation.dto';

interface DepartmentRow {
  code: string;
  name: string;
  parent_code: string | null;
  kind: 'county' | 'department' | 'township';
}

/**
 * Departments (县政府 → 部门 → 乡镇/街道), users and their role assignments. Admins change them; every
 * change is written to the audit trail with what it was before.
 */
@Injectable()
export class OrganisationService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async departments() {
    const rows: DepartmentRow[] = await this.dataSource.query(`SELECT code, name, parent_code, kind FROM departments ORDER BY kind, code`);
    return { items: rows.map((row) => ({ code: row.code, name: row.name, parentCode: row.parent_code, kind: row.kind })) };
  }

  async users() {
    const rows: { username: string; display_name: string; department_code: string; roles: string[]; active: boolean; email: string | null; mobile: string | null }[] =
      await this.dataSource.query(`SELECT username, display_name, department_code, roles, active, email, mobile FROM users ORDER BY department_code, username`);
    return { items: rows.map((row) => ({ username: row.username, displayName: row.display_name, departmentCode: row.department_code, roles: row.roles, active: row.active, email: row.email, mobile: row.mobile })) };
  }

  /** The org.* audit events of a department (detail.code) or a user (detail.username), newest first; 404 when unknown. */
  async history(kind: 'department' | 'user', key: string) {
    const [exists] = await this.dataSource.query(kind === 'department' ? `SELECT 1 FROM departments WHERE code = $1` : `SELECT 1 FROM users WHERE username = $1`, [key]);
    if (!exists) throw ApiError.notFound(`${kind} ${key} does not exist`);
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
      if ((await this.department(manager, dto.code)) !== undefined) throw ApiError.conflict(`department ${dto.code} already exists`);
      await this.checkParent(manager, dto.kind, dto.parentCode, dto.code);
      await manager.query(`INSERT INTO departments (code, name, parent_code, kind) VALUES ($1, $2, $3, $4)`, [dto.code, dto.name, dto.parentCode ?? null, dto.kind]);
      await this.audit(manager, actor, 'org.department-created', requestId, { code: dto.code, after: dto });
      return { code: dto.code, name: dto.name, parentCode: dto.parentCode ?? null, kind: dto.kind };
    });
  }

  updateDepartment(actor: Actor, code: string, dto: UpdateDepartmentDto, requestId: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.department(manager, code, true);
      if (!before) throw ApiError.notFound(`department ${code} does not exist`);
      const parentCode = dto.parentCode ?? before.parent_code ?? undefined;
      if (dto.parentCode !== undefined) await this.checkParent(manager, before.kind, parentCode, code);
      await manager.query(`UPDATE departments SET name = $2, parent_code = $3 WHERE code = $1`, [code, dto.name ?? before.name, parentCode ?? null]);
      await this.audit(manager, actor, 'org.department-updated', requestId, { code, before, after: dto });
      return { code, name: dto.name ?? before.name, parentCode: parentCode ?? null, kind: before.kind };
    });
  }

  createUser(actor: Actor, dto: CreateUserDto, requestId: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`SELECT 1 FROM users WHERE username = $1`, [dto.username]);
      if (existing) throw ApiError.conflict(`user ${dto.username} already exists`);
      if (!(await this.department(manager, dto.departmentCode))) throw ApiError.invalid('departmentCode', `unknown department "${dto.departmentCode}"`);
      const roles = [...new Set(dto.roles)];
      await manager.query(`INSERT INTO users (username, display_name, department_code, roles, email, mobile) VALUES ($1, $2, $3, $4, $5, $6)`, [
        dto.username, dto.displayName, dto.departmentCode, roles, dto.email ?? null, dto.mobile ?? null,
      ]);
      await this.audit(manager, actor, 'org.user-created', requestId, { username: dto.username, after: { ...dto, roles } });
      return { username: dto.username, displayName: dto.displayName, departmentCode: dto.departmentCode, roles, active: true, email: dto.email ?? null, mobile: dto.mobile ?? null };
    });
  }

  updateUser(actor: Actor, username: string, dto: UpdateUserDto, requestId: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      const [before]: { username: string; display_name: string; department_code: string; roles: string[]; active: boolean; email: string | null; mobile: string | null }[] =
        await manager.query(`SELECT username, display_name, department_code, roles, active, email, mobile FROM users WHERE username = $1 FOR UPDATE`, [username]);
      if (!before) throw ApiError.notFound(`user ${username} does not exist`);
      if (dto.departmentCode && !(await this.department(manager, dto.departmentCode))) throw ApiError.invalid('departmentCode', `unknown department "${dto.departmentCode}"`);
      if (dto.departmentCode && dto.departmentCode !== before.department_code && dto.roles === undefined) {
        // Roles are held in a department: a move must say which roles the user has in the new one.
        throw ApiError.invalid('roles', 'give the roles the user holds in the new department');
      }
      if (username === actor.username && (dto.active === false || (dto.roles && !dto.roles.includes('admin')))) {
        throw ApiError.conflict('an admin cannot deactivate themselves or remove their own admin role');
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

  private async department(manager: EntityManager, code: string, lock = false): Promise<DepartmentRow | undefined> {
    const [row]: DepartmentRow[] = await manager.query(`SELECT code, name, parent_code, kind FROM departments WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [code]);
    return row;
  }

  /** 县政府 has no parent; a 部门 sits under the county; a 乡镇/街道 under the county or a department; no cycles. */
  private async checkParent(manager: EntityManager, kind: DepartmentRow['kind'], parentCode: string | undefined, code: string): Promise<void> {
    if (kind === 'county') {
      if (parentCode) throw ApiError.invalid('parentCode', 'the county government has no parent unit');
      return;
    }
    if (!parentCode) throw ApiError.invalid('parentCode', `a ${kind} needs a parent unit`);
    const parent = await this.department(manager, parentCode);
    if (!parent) throw ApiError.invalid('parentCode', `unknown department "${parentCode}"`);
    const allowed = kind === 'department' ? ['county'] : ['county', 'department'];
    if (!allowed.includes(parent.kind)) throw ApiError.invalid('parentCode', `a ${kind} cannot sit under a ${parent.kind}`);
    const ancestors: { code: string }[] = await manager.query(
      `WITH RECURSIVE up AS (SELECT code, parent_code FROM departments WHERE code = $1 UNION SELECT d.code, d.parent_code FROM departments d JOIN up ON d.code = up.parent_code) SELECT code FROM up`,
      [parentCode],
    );
    if (ancestors.some((row) => row.code === code)) throw ApiError.invalid('parentCode', 'a unit cannot sit under itself or its own sub-unit');
  }

  private async audit(manager: EntityManager, actor: Actor, action: string, requestId: string | undefined, detail: Record<string, unknown>) {
    await manager.query(
      `INSERT INTO audit_events (event_key, actor, actor_role, department_code, action, detail, request_id) VALUES ($1, $2, 'admin', $3, $4, $5, $6)`,
      [`${action}:${randomUUID()}`, actor.username, actor.departmentCode, action, JSON.stringify(detail), requestId ?? null],
    );
  }
}
