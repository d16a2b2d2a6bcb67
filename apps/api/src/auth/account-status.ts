import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';

/** How long a looked-up account status is trusted by this process; admins' changes here clear it at once. */
export const ACCOUNT_STATUS_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly refusal?: ApiError;
  readonly until: number;
}

/**
 * Whether a dev-mode token's user may still act: the user exists and is active, and so is their unit. Dev
 * tokens are signed for 8 hours, and deactivation must stop them at once, so the status is read from the
 * users table rather than trusted from the token; a few seconds' cache spares a query on every request.
 * This process clears the cache whenever an admin changes a user or a unit, so a deactivation through it
 * applies to the very next request; another API replica notices within ACCOUNT_STATUS_TTL_MS.
 */
@Injectable()
export class AccountStatusCache {
  private readonly entries = new Map<string, Entry>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** @throws ApiError 401 for a user who no longer exists, 403 for a deactivated user or unit. */
  async assertActive(username: string): Promise<void> {
    const now = Date.now();
    let entry = this.entries.get(username);
    if (!entry || entry.until <= now) {
      entry = { refusal: await this.lookUp(username), until: now + ACCOUNT_STATUS_TTL_MS };
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(username, entry);
    }
    if (entry.refusal) throw entry.refusal;
  }

  /** Forgets every status: called after an admin changed users or units. */
  invalidate(): void {
    this.entries.clear();
  }

  private async lookUp(username: string): Promise<ApiError | undefined> {
    const [row]: { user_active: boolean; department_active: boolean; department_name: string }[] = await this.dataSource.query(
      `SELECT u.active AS user_active, d.active AS department_active, d.name AS department_name
         FROM users u JOIN departments d ON d.code = u.department_code WHERE u.username = $1`,
      [username],
    );
    if (!row) return new ApiError('unauthenticated', `账号 ${username} 不存在，请重新登录（unknown user）`);
    if (!row.user_active) return ApiError.forbidden(`账号 ${username} 已被管理员停用，不能继续使用`);
    if (!row.department_active) return ApiError.forbidden(`所在单位“${row.department_name}”已停用，请联系管理员调整`);
    return undefined;
  }
}
