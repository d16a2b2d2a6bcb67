import type { InboxCounts } from './inbox-api';

/** 待办统计: the badge counts above the table. */
export function InboxStats({ counts }: { counts: InboxCounts | undefined }) {
  if (!counts) return null;
  return (
    <ul className="stats" aria-label="待办统计">
      <li>
        <span className="stat-value">{counts.labels.open}</span> 件待办
      </li>
      <li className="stat-due-soon">
        <span className="stat-value">{counts.labels.dueSoon}</span> 件{counts.dueSoonHours}小时内到期
      </li>
      <li className="stat-overdue">
        <span className="stat-value">{counts.labels.overdue}</span> 件已逾期
      </li>
      <li>
        <span className="stat-value">{counts.labels.completedToday}</span> 件今日已办
      </li>
    </ul>
  );
}
