import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError, httpStatusOf } from './api-error';
import { apiErrorFromTemporal } from './temporal-failure';
import { apiErrorFromCatalog } from './catalog-failure';

const HTTP_ERROR_NAMES: Readonly<Record<number, string>> = {
  400: 'invalid-input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
};

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: readonly { field: string; problems: readonly string[] }[];
  requestId?: string;
}

/** The one place where errors become HTTP responses. Unknown errors are logged and answered 500. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const requestId = request.headers['x-request-id'] as string | undefined;
    const body = this.toBody(exception, request);
    body.requestId = requestId;
    // A route that sets its own content type (the Atom feed, an HTML report) answers its errors as JSON all the same.
    response.status(body.statusCode).type('application/json').json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    const apiError = exception instanceof ApiError ? exception : (apiErrorFromTemporal(exception) ?? apiErrorFromCatalog(exception));
    if (apiError) {
      const statusCode = httpStatusOf(apiError.code);
      return { statusCode, error: apiError.code, message: apiError.message, ...(apiError.fields ? { fields: apiError.fields } : {}) };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const fields = typeof payload === 'object' && payload && 'fields' in payload ? (payload as { fields: ErrorBody['fields'] }).fields : undefined;
      const message =
        typeof payload === 'object' && payload && 'message' in payload
          ? [(payload as { message: unknown }).message].flat().join('; ')
          : exception.message;
      return { statusCode, error: HTTP_ERROR_NAMES[statusCode] ?? 'http-error', message, ...(fields ? { fields } : {}) };
    }
    this.logger.error(`${request.method} ${request.url} failed`, exception instanceof Error ? exception.stack : String(exception));
    return { statusCode: 500, error: 'internal', message: 'Internal server error' };
  }
}
