import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Tag } from 'tdesign-react';
import type { Session } from '../../api';
import { formatDateTime } from '../../format';
import type { RouteParams } from '../../routes';
import { Loading } from '../../ui';
import { ActionFailure } from '../action-failure';
import { useConcern, useDepartments } from './concern-api';
import { useNow } from './concern-clock';
import { stepsFor, waitingFor } from './concern-steps';
import { CONCERN_ACTION_LABELS, type Concern } from './concern-types';
import { ConcernDeadlines } from './ConcernDeadlines';
import { ExtensionPanel } from './ExtensionPanel';
import { PressConferencePanel } from './PressConferencePanel';
import { ResponseEditor } from './ResponseEditor';
import { ReviewPanel } from './ReviewPanel';
import { TriagePanel } from './TriagePanel';

/** One concern: what was asked or reported, its clocks, the step this user can take, and what happened so far. */
export default function ConcernScreen({ params, session }: { params: RouteParams; session: Session }) {
  const id = params.id!;
  const loaded = useConcern(id);
  const departments = useDepartments();
  const now = useNow();
  const departmentName = (code: string | null) => (code ? (departments.data?.items.find((d) => d.code === code)?.name ?? code) : '—');

  const concern = loaded.data;
  if (!concern) return loaded.error ? <ActionFailure error={loaded.error} /> : <Loading />;
  const steps = stepsFor(concern, session, now);
  const waiting = steps.triage || steps.draft || steps.review ? null : waitingFor(concern, departmentName);

  return (
    <section className="page staff-screen" aria-labelledby="concern-title" key={concern.id}>
      <p className="breadcrumb">
        <Link to="/concerns">公众关切与政务舆情</Link> › {concern.kindLabel}
      </p>
      <div className="page-head">
        <h1 id="concern-title">
          {concern.kindLabel}：{concern.itemTitle ?? '（事项已删除）'}
        </h1>
        <Tag theme="primary" variant="outline" data-state={concern.state}>
          {concern.stateLabel}
        </Tag>
      </div>
      <ConcernFacts concern={concern} departmentName={departmentName} />
      <ConcernDeadlines concern={concern} now={now} />
      {concern.state === 'PUBLISHED' ? (
        <Alert theme="success" className="action-failure" message={`答复已于${formatDateTime(concern.publishedAt)}在政务公开专栏公开。`} />
      ) : null}
      {waiting ? <p className="muted" role="status">{waiting}</p> : null}
      {steps.triage ? <TriagePanel concern={concern} /> : null}
      {steps.draft ? <ResponseEditor key={concern.revision} concern={concern} /> : null}
      {steps.review ? <ReviewPanel key={concern.revision} concern={concern} /> : null}
      {steps.pressConference ? <PressConferencePanel concern={concern} /> : null}
      {steps.extend ? <ExtensionPanel concern={concern} /> : null}
      {concern.draft && !steps.draft && !steps.review ? (
        <section className="card" aria-labelledby="answer-title">
          <h2 id="answer-title">{concern.state === 'PUBLISHED' ? '公开的答复' : '拟答复内容'}</h2>
          <p className="concern-content body-text">{concern.draft}</p>
        </section>
      ) : null}
      <ConcernTimeline concern={concern} />
    </section>
  );
}

function ConcernFacts({ concern, departmentName }: { concern: Concern; departmentName: (code: string | null) => string }) {
  const rows: [string, ReactNode][] = [
    ['所涉事项', <Link key="item" to={`/items/${concern.itemId}`}>{concern.itemTitle ?? concern.itemId}</Link>],
    ['收到时间', formatDateTime(concern.receivedAt)],
    [concern.kind === 'message' ? '留言内容' : '舆情摘要', <p key="content" className="concern-content">{concern.content}</p>],
    ...(concern.contact ? [['联系方式（不公开）', concern.contact] as [string, ReactNode]] : []),
    ['类别', concern.classificationLabel ?? '待分办'],
    ['承办部门', concern.assignedDepartmentCode ? departmentName(concern.assignedDepartmentCode) : '待分办'],
    ...(concern.pressConference ? [['新闻发布会', `${formatDateTime(concern.pressConference.heldAt)}：${concern.pressConference.summary ?? ''}`] as [string, ReactNode]] : []),
  ];
  return (
    <article className="card">
      <dl className="elements">
        {rows.map(([term, value]) => (
          <div className="element-row" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

function ConcernTimeline({ concern }: { concern: Concern }) {
  return (
    <section className="card" aria-labelledby="concern-timeline-title">
      <h2 id="concern-timeline-title">办理过程</h2>
      <ol className="timeline">
        {concern.timeline.map((event, index) => (
          <li key={index}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            <span>
              <strong>{CONCERN_ACTION_LABELS[event.action] ?? '办理'}</strong> · {event.actorName}
            </span>
            {event.reason ? <p className="muted">意见：{event.reason}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
