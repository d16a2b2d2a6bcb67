import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError } from './api-error';
import { apiErrorFromCatalog } from './catalog-failure';
import { errorAnswerOf, statusErrorBody, type ErrorBody } from './error-body';
import { ERROR_CODES } from './error-codes';
import { apiErrorFromTemporal } from './temporal-failure';
import { loggedUrl } from '../observability/logging';

/**
 * The one place where errors become HTTP responses: an ApiError (a workflow's refusal and a catalog error
 * become one first) by its code (error-codes.ts), Nest's own by status. Unknown errors are logged and answered 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const requestId = request.headers['x-request-id'] as string | undefined;
    const apiError = exception instanceof ApiError ? exception : (apiErrorFromTemporal(exception) ?? apiErrorFromCatalog(exception));
    let body: ErrorBody;
    if (apiError) {
      const answer = errorAnswerOf(apiError);
      if (answer.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(answer.retryAfterSeconds));
      body = answer.body;
    } else {
      body = this.toBody(exception, request);
    }
    body.requestId = requestId;
    // A route that sets its own content type (the Atom feed, an HTML report) answers its errors as JSON all the same.
    response.status(body.statusCode).type('application/json').json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof HttpException) {
      const payload = exception.getResponse();
      const fields = typeof payload === 'object' && payload && 'fields' in payload ? (payload as { fields: ErrorBody['fields'] }).fields : undefined;
      const message =
        typeof payload === 'object' && payload && 'message' in payload
          ? [(payload as { message: unknown }).message].flat().join('; ')
          : exception.message;
      return statusErrorBody(exception.getStatus(), message, fields);
    }
    this.logger.error(`${request.method} ${loggedUrl(request.originalUrl)} failed`, exception instanceof Error ? exception.stack : String(exception));
    return { statusCode: 500, error: 'internal', code: 'internal', title: ERROR_CODES.internal.message, message: '系统内部错误，请稍后再试' };
  }
}
