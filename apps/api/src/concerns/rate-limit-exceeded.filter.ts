import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimitExceededError } from './concern-rate-limiter';

/** 429 with a Retry-After header, in the same body shape as every other API error. */
@Catch(RateLimitExceededError)
export class RateLimitExceededFilter implements ExceptionFilter {
  catch(error: RateLimitExceededError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const requestId = http.getRequest<Request>().headers['x-request-id'] as string | undefined;
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.status(429).type('application/json').json({ statusCode: 429, error: 'too-many-requests', message: error.message, requestId });
  }
}
