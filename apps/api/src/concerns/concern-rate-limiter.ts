import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';

/** How many public submissions one client may make in a sliding window. */
export interface RateLimitSettings {
  readonly maxRequests: number;
  readonly windowSeconds: number;
}

export const CONCERN_RATE_LIMIT = Symbol('CONCERN_RATE_LIMIT');

/** A client that has used up its submissions: 429 `public.rate-limited`, with Retry-After. */
export function rateLimitExceeded(retryAfterSeconds: number): ApiError {
  return new ApiError('public.rate-limited', `提交过于频繁，请 ${retryAfterSeconds} 秒后再试`, undefined, retryAfterSeconds);
}

/** Advisory-lock class of the limiter; the two-key space cannot meet the migration lock's single key. */
const RATE_LIMIT_LOCK_CLASS = 4_202;
/** Old rows of other clients swept per submission: enough to keep the table small, never a long delete. */
const SWEEP_BATCH = 100;

/**
 * A sliding-window limit kept in PostgreSQL, so every API replica counts the same submissions. One
 * client's check-and-count runs under a transaction-scoped advisory lock on that client, so two
 * replicas cannot both let the fifth and sixth submission through. Clients are stored as a SHA-256 of
 * their address, and only for the window.
 */
@Injectable()
export class ConcernRateLimiter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CONCERN_RATE_LIMIT) private readonly settings: RateLimitSettings,
  ) {}

  /** Counts one submission of the client in this scope; throws `public.rate-limited` when its window is full. */
  async take(scope: string, clientAddress: string): Promise<void> {
    const clientKey = createHash('sha256').update(clientAddress).digest('hex');
    const { maxRequests, windowSeconds } = this.settings;
    const retryAfter = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [RATE_LIMIT_LOCK_CLASS, `${scope}:${clientKey}`]);
      // SKIP LOCKED: replicas sweeping at once take different rows instead of waiting on (or deadlocking over) each other.
      await manager.query(
        `DELETE FROM rate_limit_hits WHERE id IN (
           SELECT id FROM rate_limit_hits WHERE scope = $1 AND hit_at <= now() - make_interval(secs => $2) LIMIT $3 FOR UPDATE SKIP LOCKED)`,
        [scope, windowSeconds, SWEEP_BATCH],
      );
      const [window]: { hits: number; free_in_ms: number | null }[] = await manager.query(
        `SELECT count(*)::int AS hits,
                ceil(extract(epoch FROM (min(hit_at) + make_interval(secs => $3) - now())) * 1000)::float8 AS free_in_ms
           FROM rate_limit_hits
          WHERE scope = $1 AND client_key = $2 AND hit_at > now() - make_interval(secs => $3)`,
        [scope, clientKey, windowSeconds],
      );
      if (window.hits >= maxRequests) return Math.max(1, Math.ceil((window.free_in_ms ?? 1000) / 1000));
      await manager.query(`INSERT INTO rate_limit_hits (scope, client_key) VALUES ($1, $2)`, [scope, clientKey]);
      return undefined;
    });
    if (retryAfter !== undefined) throw rateLimitExceeded(retryAfter);
  }
}
