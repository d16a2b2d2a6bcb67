import { useEffect, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { api, BULK_CLAIM_MAX, claimTasks, loadSession, type ClaimOutcome } from '../api';
import { formatDateTime, urgencyOf } from '../format';
import { ErrorBanner, Loading } from '../ui';

export interface InboxTask {
  id: string;
  itemId: string;
  itemTitle: string;
  kind: string;
  kindLabel: string;
  area: string | null;
  state: string;
  claimedBy: string | null;
  /** The holder's display name (the username when the user is gone). */
  claimedByName?: string | null;
  assignee: string | null;
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
}

interface Counts {
  labels: { open: string; overdue: string; dueSoon: string; completedToday: string };
}

const URGENCY_LABELS = { overdue: '已逾期', 'due-soon': '即将到期', normal: '正常' } as const;

/** The result of one bulk claim, for the summary under the toolbar. */
interface BulkClaimReport {
  claimed: number;
  alreadyMine: number;
  refused: { title: string; kindLabel: string; reason: string }[];
}

/** Why a task could not be claimed, in words: the status the single claim would have answered. */
function refusalReason(result: ClaimOutcome): string {
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

/** Enter toggles a checkbox too (Space does natively), as keyboard users of the old system expect. */
function toggleOnEnter(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'Enter') {
    event.preventDefault();
    event.currentTarget.click();
  }
}

export function InboxScreen() {
  const [tasks, setTasks] = useState<InboxTask[] | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [claiming, setClaiming] = useState(false);
  const [report, setReport] = useState<BulkClaimReport | null>(null);
  const me = loadSession()?.actor.username;

  const load = async (after?: string) => {
    try {
      const page = await api<{ items: InboxTask[]; nextCursor: string | null }>('GET', `/tasks?state=open&limit=50${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);
      setTasks((earlier) => (after && earlier ? [...earlier, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(caught);
    }
  };
  useEffect(() => {
    void load();
    api<Counts>('GET', '/tasks/counts').then(setCounts, () => undefined);
  }, []);

  const shown = tasks ?? [];
  const allSelected = shown.length > 0 && shown.every((task) => selected.has(task.id));
  const someSelected = shown.some((task) => selected.has(task.id));
  const toggle = (taskId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(taskId)) next.delete(taskId);
      else next.add(taskId);
      return next;
    });
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(shown.map((task) => task.id)));

  /** 批量认领: the API takes 50 at a time, so a longer selection goes in batches; each task gets its own outcome. */
  const claimSelected = async () => {
    const ids = shown.filter((task) => selected.has(task.id)).map((task) => task.id);
    if (!ids.length) return;
    setClaiming(true);
    setError(null);
    setReport(null);
    try {
      const results: ClaimOutcome[] = [];
      for (let start = 0; start < ids.length; start += BULK_CLAIM_MAX) results.push(...(await claimTasks(ids.slice(start, start + BULK_CLAIM_MAX))).results);
      const byId = new Map(shown.map((task) => [task.id, task]));
      setReport({
        claimed: results.filter((result) => result.outcome === 'claimed').length,
        alreadyMine: results.filter((result) => result.outcome === 'already-claimed-by-you').length,
        refused: results
          .filter((result) => result.outcome === 'refused')
          .map((result) => ({ title: byId.get(result.taskId)?.itemTitle ?? result.taskId, kindLabel: byId.get(result.taskId)?.kindLabel ?? '', reason: refusalReason(result) })),
      });
      setSelected(new Set(results.filter((result) => result.outcome === 'refused').map((result) => result.taskId)));
      await load();
    } catch (caught) {
      setError(caught);
    } finally {
      setClaiming(false);
    }
  };
  const selectedCount = shown.filter((task) => selected.has(task.id)).length;

  return (
    <section className="page" aria-labelledby="inbox-title">
      <h1 id="inbox-title">待办审核</h1>
      {counts ? (
        <ul className="stats" aria-label="待办统计">
          <li>
            <span className="stat-value">{counts.labels.open}</span> 件待办
          </li>
          <li className="stat-due-soon">
            <span className="stat-value">{counts.labels.dueSoon}</span> 件24小时内到期
          </li>
          <li className="stat-overdue">
            <span className="stat-value">{counts.labels.overdue}</span> 件已逾期
          </li>
          <li>
            <span className="stat-value">{counts.labels.completedToday}</span> 件今日已办
          </li>
        </ul>
      ) : null}
      <ErrorBanner error={error} />
      <div className="bulk-toolbar" role="group" aria-label="批量操作">
        <span aria-live="polite">{selectedCount ? `已选择 ${selectedCount} 项` : '勾选任务后可批量认领'}</span>
        <button type="button" className="button button-primary" onClick={() => void claimSelected()} disabled={!selectedCount || claiming} aria-describedby="bulk-claim-hint">
          {claiming ? '正在认领…' : '批量认领'}
        </button>
        {selectedCount ? (
          <button type="button" className="button" onClick={() => setSelected(new Set())}>
            取消选择
          </button>
        ) : null}
        <span id="bulk-claim-hint" className="sr-only">
          认领后任务只由您办理，他人不能再认领；可在审核页释放或转交。
        </span>
      </div>
      <div aria-live="polite" aria-atomic="true">
        {report ? (
          <div className={`banner ${report.refused.length ? 'banner-warning' : 'banner-success'} bulk-report`} role="status">
            <p>
              批量认领完成：成功认领 {report.claimed} 项{report.alreadyMine ? `，${report.alreadyMine} 项此前已由您认领` : ''}
              {report.refused.length ? `，${report.refused.length} 项未能认领` : ''}。
            </p>
            {report.refused.length ? (
              <ul>
                {report.refused.map((refusal, index) => (
                  <li key={index}>
                    {refusal.title}
                    {refusal.kindLabel ? `（${refusal.kindLabel}）` : ''}：{refusal.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {!tasks ? (
        <Loading />
      ) : tasks.length === 0 ? (
        <p className="empty">暂无待办事项。</p>
      ) : (
        <table className="table">
          <caption className="sr-only">待办审核任务，按到期时间排序</caption>
          <thead>
            <tr>
              <th scope="col" className="select-cell">
                <input
                  type="checkbox"
                  id="select-all"
                  aria-label="选择本页全部任务"
                  checked={allSelected}
                  ref={(input) => {
                    if (input) input.indeterminate = someSelected && !allSelected;
                  }}
                  onChange={toggleAll}
                  onKeyDown={toggleOnEnter}
                />
              </th>
              <th scope="col">公开事项</th>
              <th scope="col">审核环节</th>
              <th scope="col">领域</th>
              <th scope="col">办理时限</th>
              <th scope="col">状态</th>
              <th scope="col">认领</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => {
              const urgency = urgencyOf(task.dueAt, task.overdue);
              return (
                <tr key={task.id} className={`row-${urgency}${selected.has(task.id) ? ' row-selected' : ''}`} data-task-id={task.id}>
                  <td className="select-cell">
                    <input type="checkbox" aria-label={`选择：${task.itemTitle}（${task.kindLabel}）`} checked={selected.has(task.id)} onChange={() => toggle(task.id)} onKeyDown={toggleOnEnter} />
                  </td>
                  <td>
                    <Link to={task.kind === 'supervision-demand' ? `/demands/${task.id}` : `/review/${task.itemId}/${task.id}`}>{task.itemTitle}</Link>
                  </td>
                  <td>{task.kindLabel}</td>
                  <td>{task.area ?? '—'}</td>
                  <td>{formatDateTime(task.dueAt)}</td>
                  <td>
                    <span className={`badge badge-${urgency}`}>{URGENCY_LABELS[urgency]}</span>
                    {task.escalated ? <span className="badge badge-overdue">已升级</span> : null}
                  </td>
                  <td>{task.claimedBy ? (task.claimedBy === me ? <strong>我</strong> : (task.claimedByName ?? task.claimedBy)) : <span className="muted">未认领</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {cursor ? (
        <button type="button" className="button" onClick={() => void load(cursor)}>
          加载更多
        </button>
      ) : null}
    </section>
  );
}
