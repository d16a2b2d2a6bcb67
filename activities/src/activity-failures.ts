import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '@zwgk/contracts';
import { InvalidWorkingDayCountError } from '@zwgk/domain';

/**
 * SQLSTATE classes that say the data itself is wrong: 22 data exception (a NUL byte, 22021 / 22P05; a value
 * out of range) and 23 integrity constraint violation (23505 unique, 23503 foreign key, 23514 check). The
 * same statement with the same data fails the same way every time, so retrying only wedges the workflow.
 * Everything else (08 connection, 40001 serialization, 40P01 deadlock, 53 resources, 57P01 shutdown, and
 * the errors we do not recognise) stays retryable.
 */
const DATA_SQLSTATE = /^2[23][0-9A-Z]{3}$/;

const MAX_MESSAGE_LENGTH = 300;

/** A message that can itself be stored and shown: no control characters, bounded length. */
function printable(text: string): string {
  const cleaned = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
  return cleaned.length > MAX_MESSAGE_LENGTH ? `${cleaned.slice(0, MAX_MESSAGE_LENGTH)}…` : cleaned;
}

function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  // TypeORM's QueryFailedError copies the driver's fields, and keeps the driver error too.
  const candidates = [(error as { code?: unknown }).code, (error as { driverError?: { code?: unknown } }).driverError?.code];
  return candidates.find((code): code is string => typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code));
}

/**
 * A TypeError the code raised about a value (`x.toISOString is not a function`), not one from the network:
 * fetch reports a refused or reset connection as `TypeError: fetch failed` with the socket error as its cause.
 */
function isProgrammingTypeError(error: TypeError): boolean {
  return error.message !== 'fetch failed' && (error as { cause?: unknown }).cause === undefined;
}

/**
 * What an activity's error means for its retries. Data the database or the domain refuses becomes a
 * non-retryable ApplicationFailure of type InvalidData (with the SQLSTATE or the error's name in its
 * details, never the data); anything else is returned unchanged and retried with backoff.
 */
export function classifyActivityError(error: unknown, activity?: string): unknown {
  if (error instanceof ApplicationFailure) return error; // the activity already said what it is
  const where = activity ? `${activity}: ` : '';
  const sqlState = sqlStateOf(error);
  if (sqlState !== undefined) {
    if (!DATA_SQLSTATE.test(sqlState)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return ApplicationFailure.create({
      type: FailureType.InvalidData,
      message: printable(`${where}the database refused the data (SQLSTATE ${sqlState}): ${message}`),
      nonRetryable: true,
      details: [{ sqlState, ...(activity ? { activity } : {}) }],
      cause: error instanceof Error ? error : undefined,
    });
  }
  const domainRefusal = error instanceof RangeError || error instanceof InvalidWorkingDayCountError || (error instanceof TypeError && isProgrammingTypeError(error));
  if (domainRefusal) {
    return ApplicationFailure.create({
      type: FailureType.InvalidData,
      message: printable(`${where}${error.message}`),
      nonRetryable: true,
      details: [{ error: error.name, ...(activity ? { activity } : {}) }],
      cause: error,
    });
  }
  return error;
}

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/** Wraps every activity so that what it throws is classified before Temporal decides whether to retry. */
export function withFailureClassification<T extends Record<string, ActivityFunction>>(activities: T): T {
  const wrapped: Record<string, ActivityFunction> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await activity(...args);
      } catch (error) {
        throw classifyActivityError(error, name);
      }
    };
  }
  return wrapped as T;
}
