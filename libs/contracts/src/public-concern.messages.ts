import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  DraftConcernResponseRequest,
  ExtendConcernDeadlineRequest,
  PublicConcernView,
  RecordPressConferenceRequest,
  ReviewConcernResponseRequest,
  TriageConcernRequest,
} from './public-concern.types';

/** Resolves once the concern's deadlines are computed and its read model written (used with update-with-start, or after startChild). */
export const concernRecordedUpdate = defineUpdate<PublicConcernView>('concernRecorded');
/** The disclosure office triages the concern and assigns the responsible department. */
export const triageConcernUpdate = defineUpdate<PublicConcernView, [TriageConcernRequest]>('triageConcern');
/** A drafter of the assigned department drafts the response. */
export const draftConcernResponseUpdate = defineUpdate<PublicConcernView, [DraftConcernResponseRequest]>('draftConcernResponse');
/** The leader of the assigned department approves (and so publishes) or returns the draft. */
export const reviewConcernResponseUpdate = defineUpdate<PublicConcernView, [ReviewConcernResponseRequest]>('reviewConcernResponse');
/** The disclosure office extends a message's limit, once, before it passes; the timer re-arms. */
export const extendConcernDeadlineUpdate = defineUpdate<PublicConcernView, [ExtendConcernDeadlineRequest]>('extendConcernDeadline');
/** Records that a major emergency's press conference was held. */
export const recordPressConferenceUpdate = defineUpdate<PublicConcernView, [RecordPressConferenceRequest]>('recordPressConference');
export const publicConcernViewQuery = defineQuery<PublicConcernView>('publicConcernView');
