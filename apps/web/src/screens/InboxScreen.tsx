import { useEffect, useState } from 'react';
import { api } from '../api';
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
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
}

interface Counts {
  labels: { open: string; overdue: string; dueSoon: string; completedToday: string };
}

const URGENCY_LABELS = { overdue: '已逾期', 'due-soon': '即将到期', normal: '正常' } as const;

export function InboxScreen() {
  const [tasks, setTasks] = useState<InboxTask[] | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

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
      {!tasks ? (
        <Loading />
      ) : tasks.length === 0 ? (
        <p className="empty">暂无待办事项。</p>
      ) : (
        <table className="table">
          <caption className="sr-only">待办审核任务，按到期时间排序</caption>
          <thead>
            <tr>
              <th scope="col">公开事项</th>
              <th scope="col">审核环节</th>
              <th scope="col">领域</th>
              <th scope="col">办理时限</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => {
              const urgency = urgencyOf(task.dueAt, task.overdue);
              return (
                <tr key={task.id} className={`row-${urgency}`} data-task-id={task.id}>
                  <td>
                    <a href={`#/review/${task.itemId}/${task.id}`}>{task.itemTitle}</a>
                  </td>
                  <td>{task.kindLabel}</td>
                  <td>{task.area ?? '—'}</td>
                  <td>{formatDateTime(task.dueAt)}</td>
                  <td>
                    <span className={`badge badge-${urgency}`}>{URGENCY_LABELS[urgency]}</span>
                    {task.escalated ? <span className="badge badge-overdue">已升级</span> : null}
                  </td>
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
