import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CompleteTaskRequest, DisclosureItemView, RecalculateDeadlinesRequest, SubmitRequest, WithdrawRequest } from './disclosure-item.types';

/** Resolves once the draft's deadline is computed and its read model written (used with update-with-start). */
export const draftRecordedUpdate = defineUpdate<DisclosureItemView>('draftRecorded');
/** The drafter submits the draft for review. */
export const submitForReviewUpdate = defineUpdate<DisclosureItemView, [SubmitRequest]>('submitForReview');
/** A reviewer or leader decides an open task. The updateId is the client's idempotency key. */
export const completeTaskUpdate = defineUpdate<DisclosureItemView, [CompleteTaskRequest]>('completeTask');
/** Withdraws a released item from every channel (撤回), with a public reason. */
export const withdrawUpdate = defineUpdate<DisclosureItemView, [WithdrawRequest]>('withdraw');
/** Recomputes the item's deadlines with the calendar now in force (after an official arrangement is loaded) and re-arms the timers. */
export const recalculateDeadlinesUpdate = defineUpdate<DisclosureItemView, [RecalculateDeadlinesRequest]>('recalculateDeadlines');
export const disclosureItemViewQuery = defineQuery<DisclosureItemView>('disclosureItemView');
