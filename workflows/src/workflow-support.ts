import { ActivityFailure, ApplicationFailure, type ActivityOptions } from '@temporalio/workflow';
import { FailureType } from '@zwgk/contracts';

/** Failure types an activity throws for data that will never be accepted: retrying sends the same data. */
const NON_RETRYABLE_TYPES: string[] = [FailureType.InvalidData, FailureType.InvalidInput];

/**
 * Steps no person waits on (timers, releases, the read models after a decision): retried with backoff,
 * at most a minute apart, for as long as it takes, so a database outage of any length only delays them.
 * Data that can never be stored fails at once instead: the activities classify it as InvalidData.
 */
export const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
} satisfies ActivityOptions;

/**
 * Steps that apply a person's request while the request waits (a decision, a revision, a withdrawal):
 * a few attempts over about half a minute. When they run out the request is refused as Unavailable and
 * the item stays as it was, so the person can send it again instead of the item waiting on it for good.
 */
export const REQUEST_ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 6, nonRetryableErrorTypes: NON_RETRYABLE_TYPES },
} satisfies ActivityOptions;

/** A validator's refusal: non-retryable, with a type the API maps to 400/403/404/409 and the fields at fault. */
export function failure(type: FailureType, message: string, details?: unknown): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] });
}

/**
 * The refusal a request gets when an activity applying it failed for good: InvalidData naming the request's
 * fields when the data was refused (the activity said so, non-retryable), Unavailable when its retries ran
 * out. Undefined for anything that is not an activity's failure, which stays the bug it is.
 */
export function refusalOf(error: unknown, request: string, fields: readonly string[]): ApplicationFailure | undefined {
  if (!(error instanceof ActivityFailure)) return undefined;
  const cause = error.cause;
  if (cause instanceof ApplicationFailure && (cause.nonRetryable || NON_RETRYABLE_TYPES.includes(cause.type ?? ''))) {
    const named = fields.length ? `（${fields.join('、')}）` : '';
    return failure(FailureType.InvalidData, `${request}无法保存${named}：数据被拒绝，请检查内容（如不可见的控制字符）后重新提交。${cause.message}`, {
      fields,
      activity: error.activityType,
      cause: cause.type,
    });
  }
  return failure(FailureType.Unavailable, `${request}暂时无法完成，本次未生效，请稍后重新提交。`, { fields: [], activity: error.activityType });
}

/** Text from a request, made safe to store in a refusal's own record: no control characters, bounded. */
export function printable(text: string | undefined, max = 200): string {
  const cleaned = (text ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}
