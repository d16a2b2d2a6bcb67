import { BULK_CLAIM_MAX, claimTasks, type ClaimOutcome } from '../../api';
import type { InboxTask } from './inbox-api';

/** The result of one bulk claim, for the summary under the toolbar. */
export interface BulkClaimReport {
  claimed: number;
  alreadyMine: number;
  refused: { title: string; kindLabel: string; reason: string }[];
  /** The refused tasks stay selected, for a second look. */
  refusedIds: string[];
}

/** Why a task could not be claimed, in words: the status the single claim would have answered. */
export function refusalReason(result: ClaimOutcome): string {
  if (result.code === 'task.claimed-by-other' && result.claimedBy) return `已由 ${result.claimedBy} 认领`;
  switch (result.status) {
    case 409:
      return '任务已办结或已由他人认领';
    case 403:
      return '不属于您的岗位或部门';
    case 404:
      return '任务不存在或已办结';
    default:
      return '暂时无法认领，请稍后重试';
  }
}

/** 批量认领: the API takes 50 at a time, so a longer selection goes in batches; each task gets its own outcome. */
export async function claimInBatches(tasks: readonly InboxTask[]): Promise<BulkClaimReport> {
  const results: ClaimOutcome[] = [];
  const ids = tasks.map((task) => task.id);
  for (let start = 0; start < ids.length; start += BULK_CLAIM_MAX) results.push(...(await claimTasks(ids.slice(start, start + BULK_CLAIM_MAX))).results);
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const refused = results.filter((result) => result.outcome === 'refused');
  return {
    claimed: results.filter((result) => result.outcome === 'claimed').length,
    alreadyMine: results.filter((result) => result.outcome === 'already-claimed-by-you').length,
    refused: refused.map((result) => ({ title: byId.get(result.taskId)?.itemTitle ?? result.taskId, kindLabel: byId.get(result.taskId)?.kindLabel ?? '', reason: refusalReason(result) })),
    refusedIds: refused.map((result) => result.taskId),
  };
}
