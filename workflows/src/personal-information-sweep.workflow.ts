import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities } from '@zwgk/activities';
import { personalInformationSweepProgressQuery, type PersonalInformationSweepInput, type PersonalInformationSweepProgress } from '@zwgk/contracts';
import { ACTIVITY_OPTIONS } from './workflow-support';

/** The scan reads PDFs: a page of items can take a while, so each activity gets longer than the default. */
const activities = proxyActivities<DisclosureActivities>({ ...ACTIVITY_OPTIONS, startToCloseTimeout: '5 minutes' });

/** Released items scanned per activity call. */
const PAGE_SIZE = 50;
/** Pages per run before continuing as new, so a county's whole archive never makes one huge history. */
const PAGES_PER_RUN = 200;

/**
 * Scans every released item for personal information, page by page, and records the findings; the list of
 * items to act on is read from the findings table. Progress is a query; the result is the final count.
 */
export async function personalInformationSweepWorkflow(input: PersonalInformationSweepInput): Promise<PersonalInformationSweepProgress> {
  let scanned = input.resume?.scanned ?? 0;
  let itemsWithFindings = input.resume?.itemsWithFindings ?? 0;
  let openFindings = input.resume?.openFindings ?? 0;
  let cursor = input.resume?.cursor;
  let state: PersonalInformationSweepProgress['state'] = 'RUNNING';
  const progress = (): PersonalInformationSweepProgress => ({ state, scanned, itemsWithFindings, openFindings, ...(cursor ? { cursor } : {}) });
  setHandler(personalInformationSweepProgressQuery, progress);

  for (let pages = 1; ; pages++) {
    const page = await activities.sweepReleasedItemsForPersonalInformation({ ...(cursor ? { after: cursor } : {}), limit: PAGE_SIZE });
    scanned += page.scanned;
    itemsWithFindings += page.itemsWithFindings;
    openFindings += page.openFindings;
    cursor = page.next;
    if (!cursor) break;
    if (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof personalInformationSweepWorkflow>({ ...input, resume: progress() });
    }
  }
  state = 'DONE';
  return progress();
}
