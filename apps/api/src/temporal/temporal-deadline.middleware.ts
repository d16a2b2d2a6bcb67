import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { continueWithinDeadline } from './temporal-deadline';

/**
 * Every call to Temporal made while answering one HTTP request shares one deadline, the Update timeout
 * after the request arrived, so no request waits on a workflow for minutes whichever client it goes
 * through: past it the call fails with DEADLINE_EXCEEDED, which the error filter answers 503. A client
 * that sets its own deadline (each decision gets a full one) overrides it for that call.
 *
 * A middleware rather than an interceptor: the rest of the request (guards, pipes, handler) runs inside
 * withDeadline's async context all the same, and with no global interceptor Nest calls every handler
 * without its rxjs pipeline, which the many requests that never reach Temporal (the inbox, the portal)
 * paid for.
 */
@Injectable()
export class TemporalDeadlineMiddleware implements NestMiddleware {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  use(_request: Request, _response: Response, next: NextFunction): void {
    continueWithinDeadline(this.client, this.config.temporal.updateTimeoutSeconds, next);
  }
}
