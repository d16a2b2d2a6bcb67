import { type ApiFailure, apiFailureOf, RatingFailure } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import type { components } from '../../openapi/schema';

export type RatingSummary = components['schemas']['RatingSummaryView'];
export type RatingTarget = { kind: 'item'; itemId: string } | { kind: 'response'; concernId: string };

/** The running summary of a released item's or a published response's ratings, with whether this browser rated. */
export function loadRatingSummary(target: RatingTarget): Promise<RatingSummary> {
  return target.kind === 'item'
    ? bodyOf(apiClient.GET('/api/public/items/{id}/ratings', { params: { path: { id: target.itemId } } }))
    : bodyOf(apiClient.GET('/api/public/concerns/{concernId}/ratings', { params: { path: { concernId: target.concernId } } }));
}

/**
 * Rates once; the API's HttpOnly cookie (sent by the browser, never read here) tells this browser apart. A
 * refusal is a RatingFailure: 409 (already rated), 429 with the seconds to wait, or 400 naming score/comment.
 */
export async function submitRating(target: RatingTarget, body: { score: number; comment?: string }): Promise<components['schemas']['RatingAnswerView']> {
  const { data, error, response } =
    target.kind === 'item'
      ? await apiClient.POST('/api/public/items/{id}/ratings', { params: { path: { id: target.itemId } }, body })
      : await apiClient.POST('/api/public/concerns/{concernId}/ratings', { params: { path: { concernId: target.concernId } }, body });
  if (response.ok && data) return data;
  const failure: ApiFailure = apiFailureOf(response.status, error, false);
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new RatingFailure(failure.status, failure.message, failure.fields, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null, failure.code);
}
