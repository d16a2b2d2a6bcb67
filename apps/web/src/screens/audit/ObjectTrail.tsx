import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Timeline } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import { useStaffDirectory } from '../staff-directory';
import { fetchAuditPage } from './audit-queries';
import { actionLabel, roleLabel } from './audit-words';
import { auditKeys, type AuditEvent, type AuditFilters } from './audit-types';
import { ChainVerificationResult } from './ChainVerificationResult';

/** The role and unit the actor acted in, where the trail records them: （起草人，县教育局）. */
function useWhoElse() {
  const directory = useStaffDirectory();
  return (event: AuditEvent) => {
    const parts = [event.actorRole ? roleLabel(event.actorRole) : '', event.departmentCode ? directory.unit(event.departmentCode) : ''].filter(Boolean);
    return parts.length ? `（${parts.join('，')}）` : '';
  };
}

/** The most records a timeline shows; an item's whole life is far fewer. */
const TRAIL_LIMIT = 200;

/** The trail of one object, oldest first: an item (/audit/items/<id>, with its hash-chain check) or a user (/audit/actors/<name>). */
export function ObjectTrail({ scope, objectKey }: { scope: 'items' | 'actors'; objectKey: string }) {
  const filters: AuditFilters = scope === 'items' ? { itemId: objectKey } : { actor: objectKey };
  const trail = useQuery({ queryKey: auditKeys.trail(scope, objectKey), queryFn: () => fetchAuditPage(filters, undefined, TRAIL_LIMIT) });
  const directory = useStaffDirectory();
  const whoElse = useWhoElse();
  const events: AuditEvent[] = [...(trail.data?.items ?? [])].reverse();
  const title = scope === 'items' ? '事项的审计时间线' : `${directory.person(objectKey)}的操作时间线`;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/audit">审计日志</Link> › {title}
      </p>
      <h1 id="audit-title">{title}</h1>
      {scope === 'items' ? (
        <p>
          <Link to={`/items/${objectKey}`}>查看事项详情</Link>
        </p>
      ) : null}
      {scope === 'items' ? <ChainVerificationResult itemId={objectKey} /> : null}
      <section className="card" aria-labelledby="trail-title">
        <h2 id="trail-title">时间线（共 {events.length} 条{trail.data?.nextCursor ? `，仅显示最近 ${TRAIL_LIMIT} 条` : ''}）</h2>
        <ErrorBanner error={trail.error} />
        {!trail.data ? (
          trail.error ? null : <Loading />
        ) : events.length ? (
          <Timeline mode="same" className="audit-timeline">
            {events.map((event) => (
              <Timeline.Item key={event.id} label={formatDateTime(event.occurredAt)} dotColor={event.action.endsWith('overdue') || event.action === 'request.refused' ? 'error' : 'primary'}>
                <div className="trail-entry" data-audit-id={event.id}>
                  <strong>{actionLabel(event.action)}</strong> · {directory.person(event.actor)}
                  {whoElse(event)}
                  {event.reason ? <div className="muted">{event.reason}</div> : null}
                </div>
              </Timeline.Item>
            ))}
          </Timeline>
        ) : (
          <p className="muted">暂无记录</p>
        )}
      </section>
    </>
  );
}
