import { ApplicationFailure } from '@temporalio/workflow';
import type { FailureType } from '@zwgk/contracts';

/** Activity options every workflow here uses: short activities, retried with backoff until they succeed. */
export const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
} as const;

/** A validator's refusal: non-retryable, with a type the API maps to 400/403/404/409 and the fields at fault. */
export function failure(type: FailureType, message: string, details?: unknown): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] });
}
