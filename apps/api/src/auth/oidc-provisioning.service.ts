import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAuditEvent } from '@zwgk/db';
import type { Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import type { ClaimedIdentity } from './oidc-claims';

interface UserRow {
  username: string;
  display_name: string;
  department_code: string;
  roles: string[];
  active: boolean;
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((role, index) => role === [...b].sort()[index]);

/**
 * Keeps the users table in step with the identity provider (OIDC mode): a user is created at their first
 * sign-in and updated when their name, department or roles change in the IdP, so that the review chains,
 * notifications and supervision find them as role holders like any user an admin created. Departments are
 * never created from a token: an unknown or deactivated one is refused. An admin's deactivation wins over the IdP.
 */
@Injectable()
export class OidcProvisioningService {
  private readonly logger = new Logger(OidcProvisioningService.name);

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * The actor for a verified identity, after creating or updating its user row (each change audited).
   * @throws ApiError forbidden when the department is unknown or the user has been deactivated.
   */
  async provision(identity: ClaimedIdentity, requestId: string | undefined): Promise<Actor> {
    if (identity.ignoredRoles.length) {
      this.logger.warn(`OIDC user ${identity.username}: ignored role claims not known to this system: ${identity.ignoredRoles.join(', ')}`);
    }
    // The common case, on every request: the user exists and matches the token; one primary-key read.
    const [row]: (UserRow & { department_active: boolean | null })[] = await this.dataSource.query(
      `SELECT u.username, u.display_name, u.department_code, u.roles, u.active, (SELECT active FROM departments WHERE code = $2) AS department_active
         FROM (SELECT 1) one LEFT JOIN users u ON u.username = $1`,
      [identity.username, identity.departmentCode],
    );
    if (row?.department_active === null || row?.department_active === undefined) {
      throw ApiError.forbidden(
        `登录令牌中的部门“${identity.departmentCode}”未在系统中登记，请联系管理员添加`,
      );
    }
    if (!row.department_active) throw this.departmentDeactivated(identity.departmentCode);
    if (row.username && !this.differs(row, identity)) {
      if (!row.active) throw this.deactivated(identity.username);
      return this.actorOf(identity);
    }
    await this.dataSource.transaction((manager) => this.apply(manager, identity, requestId));
    return this.actorOf(identity);
  }

  private async apply(manager: EntityManager, identity: ClaimedIdentity, requestId: string | undefined): Promise<void> {
    // FOR SHARE: a concurrent deactivation of the department waits for this user and then counts them.
    const [department]: { active: boolean }[] = await manager.query(`SELECT active FROM departments WHERE code = $1 FOR SHARE`, [identity.departmentCode]);
    if (!department?.active) throw this.departmentDeactivated(identity.departmentCode);
    const after = { displayName: identity.displayName, departmentCode: identity.departmentCode, roles: identity.roles };
    // ON CONFLICT: two first requests of the same user at once provision it once.
    const inserted: { username: string }[] = await manager.query(
      `INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING RETURNING username`,
      [identity.username, identity.displayName, identity.departmentCode, identity.roles],
    );
    if (inserted.length) {
      await this.audit(manager, identity, 'org.user-provisioned', requestId, { username: identity.username, source: 'oidc', after, ignoredRoles: identity.ignoredRoles });
      return;
    }
    const [before]: UserRow[] = await manager.query(`SELECT username, display_name, department_code, roles, active FROM users WHERE username = $1 FOR UPDATE`, [identity.username]);
    if (!before!.active) throw this.deactivated(identity.username);
    if (!this.differs(before!, identity)) return; // a concurrent request applied the same claims first
    await manager.query(`UPDATE users SET display_name = $2, department_code = $3, roles = $4 WHERE username = $1`, [
      identity.username, identity.displayName, identity.departmentCode, identity.roles,
    ]);
    await this.audit(manager, identity, 'org.user-updated', requestId, {
      username: identity.username,
      source: 'oidc',
      before: { displayName: before!.display_name, departmentCode: before!.department_code, roles: before!.roles },
      after,
      ignoredRoles: identity.ignoredRoles,
    });
  }

  private differs(row: UserRow, identity: ClaimedIdentity): boolean {
    return row.display_name !== identity.displayName || row.department_code !== identity.departmentCode || !sameRoles(row.roles, identity.roles);
  }

  private deactivated(username: string): ApiError {
    return ApiError.forbidden(`账号 ${username} 已被管理员停用`);
  }

  private departmentDeactivated(code: string): ApiError {
    return ApiError.forbidden(`登录令牌中的部门“${code}”已停用，请联系管理员调整您的所属部门`);
  }

  private actorOf(identity: ClaimedIdentity): Actor {
    return { username: identity.username, displayName: identity.displayName, departmentCode: identity.departmentCode, roles: identity.roles };
  }

  /** The user is the actor of their own provisioning: the change comes from their sign-in, vouched for by the IdP. */
  private async audit(manager: EntityManager, identity: ClaimedIdentity, action: string, requestId: string | undefined, detail: Record<string, unknown>) {
    await writeAuditEvent(manager, {
      eventKey: `${action}:${randomUUID()}`, actor: identity.username, actorRole: null, departmentCode: identity.departmentCode, action,
      reason: '统一身份认证登录：按身份令牌声明同步用户与角色', detail, requestId,
    });
  }
}
