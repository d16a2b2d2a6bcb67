import { useQuery } from '@tanstack/react-query';
import { api, type OrgHistoryEntry } from '../../api';
import { formatDateTime } from '../../format';
import { ErrorBanner } from '../../ui';
import { actionLabel, describeChange } from './org-model';

/** The audit trail of one unit or user: who changed what, when, with the values before and after. */
export function OrgHistory({ path, version }: { path: string; version: number }) {
  const history = useQuery({ queryKey: ['org-history', path, version], queryFn: () => api<{ items: OrgHistoryEntry[] }>('GET', path) });
  const entries = history.data?.items;
  return (
    <details className="org-history">
      <summary>变更记录{entries ? `（${entries.length}）` : ''}</summary>
      <ErrorBanner error={history.error} />
      {entries === undefined ? null : entries.length === 0 ? (
        <p className="muted">没有变更记录（初始数据）。</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <p>
                <strong>{actionLabel(entry.action)}</strong> · {entry.actorName}
              </p>
              <p className="meta">{describeChange(entry)}</p>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
