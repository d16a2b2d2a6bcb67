import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ChannelLedgerResult,
  ClaimTaskRequest,
  ConfirmManualChannelRequest,
  CompleteTaskRequest,
  DelegateTaskRequest,
  DisclosureItemView,
  ExtendDeadlineRequest,
  NewEditionRequest,
  RecalculateDeadlinesRequest,
  RetryChannelReleaseRequest,
  ReviseRequest,
  SubmitRequest,
  WithdrawRequest,
} from './disclosure-item.types';
import type { PublicConcernInput } from './public-concern.types';

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
/** The drafter edits the content (a draft, a returned item, or a signed item not yet released). */
export const reviseUpdate = defineUpdate<DisclosureItemView, [ReviseRequest]>('revise');
export const claimTaskUpdate = defineUpdate<DisclosureItemView, [ClaimTaskRequest]>('claimTask');
export const unclaimTaskUpdate = defineUpdate<DisclosureItemView, [ClaimTaskRequest]>('unclaimTask');
export const delegateTaskUpdate = defineUpdate<DisclosureItemView, [DelegateTaskRequest]>('delegateTask');
/** A supervisor extends a deadline with a reason; the workflow re-arms its timer. */
export const extendDeadlineUpdate = defineUpdate<DisclosureItemView, [ExtendDeadlineRequest]>('extendDeadline');
/** A change (变更) to a released item: the new edition goes through the chain again. */
export const newEditionUpdate = defineUpdate<DisclosureItemView, [NewEditionRequest]>('newEdition');
/** Starts a public concern (回应关切) or 舆情 incident on a released item as a child workflow. */
export const registerConcernUpdate = defineUpdate<{ concernId: string; workflowId: string }, [PublicConcernInput]>('registerConcern');
/** Releases again on one channel whose last ledger entry failed, with the channel's release activity. */
export const retryChannelReleaseUpdate = defineUpdate<ChannelLedgerResult, [RetryChannelReleaseRequest]>('retryChannelRelease');
/** A person confirms a manual channel's posting or taking down (公示栏, 办事大厅…), with a note. */
export const confirmManualChannelUpdate = defineUpdate<ChannelLedgerResult, [ConfirmManualChannelRequest]>('confirmManualChannel');
export const disclosureItemViewQuery = defineQuery<DisclosureItemView>('disclosureItemView');
