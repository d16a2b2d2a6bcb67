/** What went wrong, in terms the HTTP filter maps to a status with one exhaustive switch. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unprocessable'
  | 'unavailable'
  | 'still-processing';

/** A business error raised by a service. `fields` names the request fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: readonly { field: string; problems: readonly string[] }[],
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

export function httpStatusOf(code: ApiErrorCode): number {
  switch (code) {
    case 'invalid-input':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload-too-large':
      return 413;
    case 'unsupported-media-type':
      return 415;
    case 'unprocessable':
      return 422;
    case 'unavailable':
    case 'still-processing': // a workflow did not answer in time; the request may still take effect
      return 503;
  }
}
