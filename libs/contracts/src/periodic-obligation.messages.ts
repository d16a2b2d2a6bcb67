import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { FulfilObligationRequest, PeriodicObligationView } from './periodic-obligation.types';

/** The department reports the item that meets the period's obligation. The updateId is the client's idempotency key. */
export const fulfilObligationUpdate = defineUpdate<PeriodicObligationView, [FulfilObligationRequest]>('fulfilObligation');
export const periodicObligationViewQuery = defineQuery<PeriodicObligationView>('periodicObligationView');
