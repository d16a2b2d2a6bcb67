import type { TaskView } from '../../api';

/** Who holds the task, in words, as seen by `me`. */
export function holderText(view: TaskView, me: string | undefined): string {
  if (view.assignee && view.assignee !== me) return `已转交给 ${view.assignee}`;
  if (view.claimedBy === me) return view.delegatedBy && view.assignee === me ? `由 ${view.delegatedBy} 转交给我` : '已由我认领';
  return view.claimedBy ? `已由 ${view.claimedBy} 认领` : '未认领（本岗位人员均可办理）';
}
