import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { ConcernRateLimiter } from '../concerns/concern-rate-limiter';
import { RATING_RATE_LIMITER } from './rating-rate-limiter';
import type { RaterIdentity } from './rater-identity';
import type { SubmitRatingDto } from './submit-rating.dto';

/** The rate limiter's bucket for ratings, apart from public questions' so neither uses up the other. */
export const RATING_RATE_LIMIT_SCOPE = 'public-rating';

/** What is rated: a released item, or a published response (回应) to a concern on one. */
export type RatingTarget = { kind: 'item'; itemId: string } | { kind: 'response'; concernId: string };

interface ResolvedTarget {
  itemId: string;
  concernId: string | null;
  departmentCode: string;
}

/**
 * Public satisfaction (公众满意度): anyone may rate a released item or a published response from 1 to 5,
 * once per client (a second rating is a 409, never a silent overwrite), and at most RATING_RATE_LIMIT_MAX
 * ratings per address per window across all targets (429).
 */
@Injectable()
export class RatingsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RATING_RATE_LIMITER) private readonly limiter: ConcernRateLimiter,
  ) {}

  /** 404 for what is not public, 409 when this client already rated it, 429 when its address is over the limit. */
  async rate(target: RatingTarget, dto: SubmitRatingDto, client: RaterIdentity) {
    const resolved = await this.resolve(target);
    const kind = target.kind;
    // A repeat is refused before it costs the address any of its allowance.
    if (await this.ratedBy(kind, resolved, client.clientHash)) throw this.alreadyRated(kind);
    await this.limiter.take(RATING_RATE_LIMIT_SCOPE, client.addressHash);
    const comment = dto.comment ? dto.comment : null;
    // The partial unique indexes settle a race between two requests of the same client.
    const inserted: { rated_at: Date }[] = await this.dataSource.query(
      `INSERT INTO satisfaction_ratings (target_kind, item_id, concern_id, department_code, score, comment, client_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING rated_at`,
      [kind, resolved.itemId, resolved.concernId, resolved.departmentCode, dto.score, comment, client.clientHash],
    );
    if (!inserted[0]) throw this.alreadyRated(kind);
    return {
      target: kind === 'item' ? { kind, itemId: resolved.itemId } : { kind, concernId: resolved.concernId, itemId: resolved.itemId },
      score: dto.score,
      comment,
      ratedAt: inserted[0].rated_at.toISOString(),
      summary: await this.summaryOf(kind, resolved, client),
    };
  }

  /** Count, average (two decimals) and the distribution of scores, and whether this client has rated. */
  async summary(target: RatingTarget, client: RaterIdentity | undefined) {
    const resolved = await this.resolve(target);
    return this.summaryOf(target.kind, resolved, client);
  }

  private async summaryOf(kind: RatingTarget['kind'], target: ResolvedTarget, client: RaterIdentity | undefined) {
    const rows: { score: number; ratings: number }[] = await this.dataSource.query(
      `SELECT score, count(*)::int AS ratings FROM satisfaction_ratings
        WHERE target_kind = $1 AND ${kind === 'item' ? 'item_id = $2' : 'concern_id = $2'} GROUP BY score`,
      [kind, kind === 'item' ? target.itemId : target.concernId],
    );
    const distribution: Record<'1' | '2' | '3' | '4' | '5', number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const row of rows) distribution[String(row.score) as keyof typeof distribution] = row.ratings;
    const count = rows.reduce((sum, row) => sum + row.ratings, 0);
    const total = rows.reduce((sum, row) => sum + row.score * row.ratings, 0);
    return {
      count,
      average: count ? Math.round((total / count) * 100) / 100 : null,
      distribution,
      ratedByYou: client ? await this.ratedBy(kind, target, client.clientHash) : false,
    };
  }

  private async ratedBy(kind: RatingTarget['kind'], target: ResolvedTarget, clientHash: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM satisfaction_ratings WHERE target_kind = $1 AND ${kind === 'item' ? 'item_id = $2' : 'concern_id = $2'} AND client_hash = $3`,
      [kind, kind === 'item' ? target.itemId : target.concernId, clientHash],
    );
    return rows.length > 0;
  }

  /** The item or response as the public sees it: a draft, a withdrawn item or an unpublished response does not exist. */
  private async resolve(target: RatingTarget): Promise<ResolvedTarget> {
    if (target.kind === 'item') {
      const [row]: { department_code: string }[] = await this.dataSource.query(
        `SELECT department_code FROM disclosure_items WHERE id = $1 AND released_at IS NOT NULL AND state <> 'WITHDRAWN'`,
        [target.itemId],
      );
      if (!row) throw ApiError.notFound(`没有已发布的事项 ${target.itemId}`);
      return { itemId: target.itemId, concernId: null, departmentCode: row.department_code };
    }
    const [row]: { item_id: string; department_code: string }[] = await this.dataSource.query(
      `SELECT r.item_id, r.department_code FROM concern_responses r JOIN disclosure_items i ON i.id = r.item_id
        WHERE r.concern_id = $1 AND i.state <> 'WITHDRAWN'`,
      [target.concernId],
    );
    if (!row) throw ApiError.notFound(`关切 ${target.concernId} 没有已发布的答复`);
    return { itemId: row.item_id, concernId: target.concernId, departmentCode: row.department_code };
  }

  private alreadyRated(kind: RatingTarget['kind']): ApiError {
    return ApiError.conflict(kind === 'item' ? '您已经评价过该事项' : '您已经评价过该答复');
  }
}
