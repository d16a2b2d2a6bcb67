import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Timeline } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { queryKeys } from '../../query';
import { ErrorBanner, Loading } from '../../ui';
import { useStaffDirectory } from '../staff-directory';
import { fetchAuditPage, trailFilters } from './audit-queries';
import { AUDIT_SUBJECTS } from './audit-subjects';
import { actionLabel, roleLabel } from './audit-words';
import type { AuditEvent, TrailScope } from './audit-types';
import { ChainVerificationResult } from './ChainVerificationResult';

/** The role and unit the actor acted in, where the trail records them: （起草人，县教育局）. */
function useWhoElse() {
  const directory = useStaffDirectory();
  return (event: AuditEvent) => {
    const parts = [event.actorRole ? roleLabel(event.actorRole) : '', event.departmentCode ? directory.unit(event.departmentCode) : ''].filter(Boolean);
    return parts.length ? `（${parts.join('，')}）` : '';
  };
}

/** The most records a timeline shows; an object's whole life is far fewer. */
const TRAIL_LIMIT = 200;

/** The heading, and the screen the object is handled on, where it has one. */
function useHeading(scope: TrailScope, objectKey: string): { title: string; screen?: { path: string; label: string } } {
  const directory = useStaffDirectory();
  if (scope === 'items') return { title: '事项的审计时间线', screen: { path: `/items/${objectKey}`, label: '查看事项详情' } };
  if (scope === 'actors') return { title: `${directory.person(objectKey)}的操作时间线` };
  const subject = AUDIT_SUBJECTS[scope];
  const name = scope === 'departments' ? directory.unit(objectKey) : scope === 'users' ? directory.person(objectKey) : '';
  return { title: `${subject.noun}${name ? `“${name}”` : ''}的审计时间线`, ...(subject.screen ? { screen: { path: subject.screen(objectKey), label: `查看${subject.noun}` } } : {}) };
}

/**
 * The trail of one object, oldest first: an item (/audit/items/<id>), a user's own actions
 * (/audit/actors/<name>), or an object without an item (/audit/consultations/<id>, /audit/departments/<code>…),
 * each but a user's actions with its hash-chain check.
 */
export function ObjectTrail({ scope, objectKey }: { scope: TrailScope; objectKey: string }) {
  const trail = useQuery({ queryKey: queryKeys.auditTrail(scope, objectKey), queryFn: () => fetchAuditPage(trailFilters(scope, objectKey), undefined, TRAIL_LIMIT) });
  const directory = useStaffDirectory();
  const whoElse = useWhoElse();
  const events: AuditEvent[] = [...(trail.data?.items ?? [])].reverse();
  const { title, screen } = useHeading(scope, objectKey);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/audit">审计日志</Link> › {title}
      </p>
      <h1 id="audit-title">{title}</h1>
      {screen ? (
        <p>
          <Link to={screen.path}>{screen.label}</Link>
        </p>
      ) : null}
      {scope !== 'actors' ? <ChainVerificationResult scope={scope} objectKey={objectKey} /> : null}
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
