import { ERROR_CODES, type ApiErrorCode } from './error-codes';

export type { ApiErrorCode } from './error-codes';

/** One request field at fault, with what is wrong; `code` and `params` let a client word it itself. */
export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A business error raised by a service. `fields` names the request fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: readonly FieldProblem[],
    /** Seconds until the client may try again (429, 503): sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static invalid(field: string, problem: string): ApiError {
    return new ApiError('invalid-input', `${field}: ${problem}`, [{ field, problems: [problem] }]);
  }
  static notFound(message: string): ApiError {
    return new ApiError('not-found', message);
  }
  static forbidden(message: string): ApiError {
    return new ApiError('forbidden', message);
  }
  static conflict(message: string): ApiError {
    return new ApiError('conflict', message);
  }
}

/** The HTTP status of a code: the one mapping, read by the error filter and by per-item outcomes (bulk claims). */
export function httpStatusOf(code: ApiErrorCode): number {
  return ERROR_CODES[code].status;
}
