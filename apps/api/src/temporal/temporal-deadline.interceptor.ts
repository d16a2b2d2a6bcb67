import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { Observable, type Subscription } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/config.module';

/**
 * Every call to Temporal made while answering one HTTP request shares one deadline, the Update timeout
 * after the request arrived, so no request waits on a workflow for minutes whichever client it goes
 * through: past it the call fails with DEADLINE_EXCEEDED, which the error filter answers 503. A client
 * that sets its own deadline (each decision gets a full one) overrides it for that call.
 */
@Injectable()
export class TemporalDeadlineInterceptor implements NestInterceptor {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const deadline = Date.now() + this.config.temporal.updateTimeoutSeconds * 1000;
    // The handler is subscribed to inside withDeadline's async context, so its Temporal calls carry the deadline.
    return new Observable((subscriber) => {
      let subscription: Subscription | undefined;
      void this.client.withDeadline(deadline, async () => {
        subscription = next.handle().subscribe(subscriber);
      });
      return () => subscription?.unsubscribe();
    });
  }
}
