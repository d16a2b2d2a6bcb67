import { ApplicationFailure } from '@temporalio/common';
import {
  CHANNEL_REJECTED,
  channelIdempotencyKey,
  type ChannelAdapter,
  type ChannelReceipt,
  type ChannelReleaseRequest,
  type ChannelWithdrawalRequest,
  type ReleaseAction,
} from './channel-adapter';

export interface NewMediaChannelOptions {
  /** The new-media platform's webhook (CHANNEL_NEW_MEDIA_WEBHOOK_URL). */
  readonly webhookUrl: string;
  /** How long to wait for the platform; well under the activity's start-to-close timeout. */
  readonly timeoutMs?: number;
}

/** Enough of the receiver's answer to diagnose a refusal, never a whole page. */
const ANSWER_EXCERPT_LENGTH = 300;

/** A receiver's own id or link for the post, if its answer names one. */
function referenceIn(answer: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { id, url } = parsed as { id?: unknown; url?: unknown };
  const reference = typeof id === 'string' || typeof id === 'number' ? String(id) : typeof url === 'string' ? url : undefined;
  return reference?.trim() ? reference.trim().slice(0, 500) : undefined;
}

/** A 4xx means the platform refuses this post for good, except 408 (timeout) and 429 (rate limit), which pass. */
function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * 政务新媒体 (两微一端, 微信, 微博…): a JSON POST to the new-media platform, which posts to the accounts.
 * The `Idempotency-Key` header is the same for every attempt of one (item, edition, channel, action), so a
 * retried push is deduplicated by the receiver. A refusal (4xx) is a business failure; anything else that
 * is not 2xx, or no answer at all, is transient and Temporal retries it.
 */
export function createNewMediaChannelAdapter(options: NewMediaChannelOptions): ChannelAdapter {
  const timeoutMs = options.timeoutMs ?? 15_000;
  // Error messages name the endpoint without its query string: that is where webhook tokens usually sit.
  const endpoint = (() => {
    const url = new URL(options.webhookUrl);
    return `${url.origin}${url.pathname}`;
  })();

  async function post(action: ReleaseAction, request: ChannelReleaseRequest, extra: Record<string, unknown>): Promise<ChannelReceipt> {
    const idempotencyKey = channelIdempotencyKey(request.itemId, request.revision, request.channel, action, action === 'publish' ? request.attempt : undefined);
    const payload = {
      action,
      idempotencyKey,
      itemId: request.itemId,
      revision: request.revision,
      channel: request.channel,
      title: request.title,
      body: request.body,
      interpretation: request.interpretation ?? null,
      department: request.departmentName,
      catalogItem: request.catalogItemName,
      releasedAt: request.releasedAt,
      contentHash: request.contentHash,
      url: request.portalUrl,
      ...extra,
    };
    const what = `${action} of item ${request.itemId} r${request.revision} on ${request.channel}`;
    let response: Response;
    try {
      response = await fetch(options.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(payload),
        // A redirect would turn the POST into a GET elsewhere: report it as the answer it is instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new Error(`the new-media platform at ${endpoint} did not answer the ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const answer = await response.text().catch(() => '');
    if (response.ok) {
      return { reference: referenceIn(answer) ?? idempotencyKey, detail: { httpStatus: response.status, idempotencyKey } };
    }
    const excerpt = answer.slice(0, ANSWER_EXCERPT_LENGTH);
    const message = `the new-media platform at ${endpoint} answered ${response.status} to the ${what}${excerpt ? `: ${excerpt}` : ''}`;
    if (isRefusal(response.status)) {
      throw ApplicationFailure.nonRetryable(message, CHANNEL_REJECTED, { httpStatus: response.status, answer: excerpt, idempotencyKey });
    }
    throw new Error(message);
  }

  return {
    kind: 'new-media',
    publish(request) {
      return post('publish', request, {});
    },
    withdraw(request: ChannelWithdrawalRequest) {
      return post('withdraw', request, { reason: request.reason, withdrawnAt: request.withdrawnAt });
    },
  };
}
