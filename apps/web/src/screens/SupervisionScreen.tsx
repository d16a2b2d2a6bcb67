import { useEffect, useState } from 'react';
import { api, download } from '../api';
import { formatDateTime } from '../format';
import { ErrorBanner, Loading } from '../ui';

interface OverdueRow {
  kind: 'statutory' | 'sla';
  itemId: string;
  title: string;
  departmentName: string;
  area: string;
  stageLabel: string | null;
  dueAt: string;
  finishedAt: string | null;
  stillOverdue: boolean;
  workingDaysLate: number;
  responsible: { usernames: string[] };
}

interface OverdueAnswer {
  generatedAt: string;
  counts: { statutory: number; sla: number };
  items: OverdueRow[];
}

/** 督查督办: statutory and internal overdue, with the CSV export. */
export function SupervisionScreen() {
  const [answer, setAnswer] = useState<OverdueAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<OverdueAnswer>('GET', '/supervision/overdue').then(setAnswer, setError);
  }, []);

  return (
    <section className="page" aria-labelledby="supervision-title">
      <div className="page-head">
        <h1 id="supervision-title">督查督办：逾期事项</h1>
        <a
          className="button"
          href="/api/supervision/overdue.csv"
          onClick={(event) => {
            // The export needs the bearer token, which a plain link cannot send.
            event.preventDefault();
            download('/supervision/overdue.csv', '逾期事项.csv').catch(setError);
          }}
        >
          导出 CSV
        </a>
      </div>
      <ErrorBanner error={error} />
      {!answer ? (
        <Loading />
      ) : (
        <>
          <ul className="stats" aria-label="逾期统计">
            <li className="stat-overdue">
              <span className="stat-value">{answer.counts.statutory}</span> 件超过法定公开时限
            </li>
            <li className="stat-due-soon">
              <span className="stat-value">{answer.counts.sla}</span> 件超过内部办理时限
            </li>
            <li>统计时间 {formatDateTime(answer.generatedAt)}</li>
          </ul>
          {answer.items.length === 0 ? (
            <p className="empty">目前没有逾期事项。</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">事项</th>
                  <th scope="col">部门</th>
                  <th scope="col">类型</th>
                  <th scope="col">环节</th>
                  <th scope="col">截止时间</th>
                  <th scope="col">逾期</th>
                  <th scope="col">责任人</th>
                </tr>
              </thead>
              <tbody>
                {answer.items.map((row, index) => (
                  <tr key={`${row.itemId}-${row.kind}-${index}`} className={row.stillOverdue ? 'row-overdue' : ''}>
                    <td>
                      <a href={`#/items/${row.itemId}`}>{row.title}</a>
                    </td>
                    <td>{row.departmentName}</td>
                    <td>{row.kind === 'statutory' ? '法定时限' : '内部时限'}</td>
                    <td>{row.stageLabel ?? '发布'}</td>
                    <td>{formatDateTime(row.dueAt)}</td>
                    <td>
                      {row.workingDaysLate} 个工作日{row.stillOverdue ? '（未办结）' : `（已于${formatDateTime(row.finishedAt)}办结）`}
                    </td>
                    <td>{row.responsible.usernames.join('、') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
