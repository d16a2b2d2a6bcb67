import { defineQuery } from '@temporalio/workflow';

/**
 * A supervisor's sweep of everything public for personal information: a batch workflow, one per request,
 * that scans the released items page by page (their text and their attachments' text) and records the
 * findings, so the HTTP request answers at once and the sweep survives a worker restart.
 */
export function personalInformationSweepWorkflowId(sweepId: string): string {
  return `personal-information-sweep-${sweepId}`;
}

export const PERSONAL_INFORMATION_SWEEP_WORKFLOW_TYPE = 'personalInformationSweepWorkflow';

export interface PersonalInformationSweepInput {
  readonly sweepId: string;
  readonly requestedBy: string;
  /** Carried over a continue-as-new: where the listing stopped and what was done so far. */
  readonly resume?: PersonalInformationSweepProgress;
}

export interface PersonalInformationSweepProgress {
  readonly state: 'RUNNING' | 'DONE';
  /** Released items scanned so far. */
  readonly scanned: number;
  /** Of those, the items with at least one open finding: the list to act on. */
  readonly itemsWithFindings: number;
  /** Open findings in them. */
  readonly openFindings: number;
  /** Keyset cursor of the listing: the last item id scanned. */
  readonly cursor?: string;
}

/** One page of the sweep, as its activity answers it. */
export interface PersonalInformationSweepPage {
  readonly scanned: number;
  readonly itemsWithFindings: number;
  readonly openFindings: number;
  /** The cursor for the next page; absent when this was the last one. */
  readonly next?: string;
}

export const personalInformationSweepProgressQuery = defineQuery<PersonalInformationSweepProgress>('personalInformationSweepProgress');
