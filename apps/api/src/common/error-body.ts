import { ApiError, httpStatusOf, type ApiErrorCode, type FieldProblem } from './api-error';
import { ERROR_CODES, GENERAL_CODE_OF_STATUS } from './error-codes';

/** The JSON body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  /** The general kind of error (`forbidden`, `too-many-requests`…), one per status. */
  error: string;
  /** The stable code a client branches on (see error-codes.ts); the general kind when no feature code applies. */
  code: string;
  /** The code's short Chinese description. */
  title?: string;
  /** What exactly went wrong, for people and logs; clients must not parse it. */
  message: string;
  fields?: readonly FieldProblem[];
  requestId?: string;
}

/** The body of an ApiError: its code's status and general kind, and Retry-After when it names one. */
export function errorAnswerOf(apiError: ApiError): { body: ErrorBody; retryAfterSeconds?: number } {
  const statusCode = httpStatusOf(apiError.code);
  const error = apiError.code.includes('.') ? (GENERAL_CODE_OF_STATUS[statusCode] ?? 'http-error') : apiError.code;
  const body: ErrorBody = { statusCode, error, code: apiError.code, title: ERROR_CODES[apiError.code].message, message: apiError.message, ...(apiError.fields ? { fields: apiError.fields } : {}) };
  return { body, ...(apiError.retryAfterSeconds !== undefined ? { retryAfterSeconds: apiError.retryAfterSeconds } : {}) };
}

/** The body of an error that carries only a status (Nest's own, the body parser's). */
export function statusErrorBody(statusCode: number, message: string, fields?: readonly FieldProblem[]): ErrorBody {
  const error = GENERAL_CODE_OF_STATUS[statusCode] ?? 'http-error';
  const title = error in ERROR_CODES ? { title: ERROR_CODES[error as ApiErrorCode].message } : {};
  return { statusCode, error, code: error, ...title, message, ...(fields ? { fields } : {}) };
}
