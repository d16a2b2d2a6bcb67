import { Fragment, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, downloadAttachment, idempotencyKey, loadSession, type Session } from '../api';
import { actionLabel, formatDate, formatDateTime, formatSize, PUBLICATION_STATUS_LABELS, STATE_LABELS, urgencyOf } from '../format';
import { clockStartLabel, elementsOf, type AttachmentView, type DiffPart, type ItemDetail, type PublicityPeriodView, type MyItemView, type RevisionDiffView, type RevisionListView } from '../item-types';
import { Elements, ErrorBanner, Loading, StateBadge } from '../ui';

const URGENCY_LABELS = { overdue: '已逾期', 'due-soon': '即将到期', normal: '' } as const;
/** Department heads (初审) and leaders (签发) may also list the whole department's items. */
const DEPARTMENT_SCOPE_ROLES = ['reviewer', 'leader'];
const EDITABLE_STATES = ['DRAFT', 'RETURNED'];

/** 我的事项: from GET /api/items, newest change first, with the next deadline in yellow (due soon) or red (overdue). */
export function MyItemsScreen({ session }: { session: Session }) {
  const canSeeDepartment = session.actor.roles.some((role) => DEPARTMENT_SCOPE_ROLES.includes(role));
  const [scope, setScope] = useState<'mine' | 'department'>(session.actor.roles.includes('drafter') || !canSeeDepartment ? 'mine' : 'department');
  const [state, setState] = useState('');
  const [items, setItems] = useState<MyItemView[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = async (cursor?: string) => {
    setError(null);
    const params = new URLSearchParams({ scope, limit: '20' });
    if (state) params.set('state', state);
    if (cursor) params.set('cursor', cursor);
    try {
      const page = await api<{ items: MyItemView[]; nextCursor: string | null }>('GET', `/items?${params.toString()}`);
      setItems((current) => (cursor && current ? [...current, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (caught) {
      setError(caught);
      setItems((current) => current ?? []);
    }
  };
  useEffect(() => {
    setItems(null);
    void load();
  }, [scope, state, session.actor.username]);

  return (
    <section className="page" aria-labelledby="my-items-title">
      <div className="page-head">
        <h1 id="my-items-title">{scope === 'department' ? '本部门事项' : '我的事项'}</h1>
        {session.actor.roles.includes('drafter') ? (
          <Link className="button button-primary" to="/draft">
            起草公开事项
          </Link>
        ) : null}
      </div>
      <div className="inline-fields my-items-filters">
        {canSeeDepartment ? (
          <div className="field">
            <label htmlFor="items-scope">范围</label>
            <select id="items-scope" value={scope} onChange={(e) => setScope(e.target.value as 'mine' | 'department')}>
              <option value="mine">我起草的事项</option>
              <option value="department">本部门全部事项</option>
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="items-state">状态</label>
          <select id="items-state" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">全部状态</option>
            {Object.entries(STATE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBanner error={error} />
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{state ? '没有这个状态的事项。' : '还没有事项。起草的事项会列在这里。'}</p>
      ) : (
        <>
          <table className="table my-items">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">状态</th>
                <th scope="col">下一个时限</th>
                <th scope="col">最近更新</th>
                <th scope="col">
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const urgency = item.overdue ? 'overdue' : item.dueSoon ? 'due-soon' : 'normal';
                return (
                  <tr key={item.id} className={`row-${urgency}`}>
                    <td>
                      <Link to={`/items/${item.id}`}>{item.title}</Link>
                      {item.attachmentCount ? <span className="muted"> · 附件 {item.attachmentCount} 个</span> : null}
                      {scope === 'department' ? <span className="muted"> · {item.drafter}</span> : null}
                      {item.returnComment ? <p className="return-note">退回意见：{item.returnComment}</p> : null}
                    </td>
                    <td>
                      <StateBadge state={item.state} label={STATE_LABELS[item.state] ?? item.state} />
                      <span className="muted">第 {item.revision} 稿</span>
                    </td>
                    <td>
                      {item.nextDeadline ? (
                        <>
                          {urgency !== 'normal' ? <span className={`badge badge-${urgency}`}>{URGENCY_LABELS[urgency]}</span> : null}
                          {item.nextDeadline.label} {formatDateTime(item.nextDeadline.dueAt)}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{formatDateTime(item.updatedAt)}</td>
                    <td>
                      {EDITABLE_STATES.includes(item.state) && item.drafter === session.actor.username ? (
                        <Link className="button button-small" to={`/draft/${item.id}`} aria-label={`修改 ${item.title}`}>
                          修改
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {nextCursor ? (
            <button type="button" className="button" onClick={() => void load(nextCursor)}>
              加载更多
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Long unchanged runs are cut to their ends, so that a one-character change in a long body stays findable. */
const CONTEXT_CHARS = 60;

function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="diff-text">
      {parts.map((part, index) => {
        if (part.added) {
          return (
            <ins key={index} className="diff-added">
              <span className="sr-only">（新增：</span>
              {part.value}
              <span className="sr-only">）</span>
            </ins>
          );
        }
        if (part.removed) {
          return (
            <del key={index} className="diff-removed">
              <span className="sr-only">（删除：</span>
              {part.value}
              <span className="sr-only">）</span>
            </del>
          );
        }
        const first = index === 0;
        const last = index === parts.length - 1;
        const keep = (first || last ? 1 : 2) * CONTEXT_CHARS;
        if (part.value.length <= keep + 20) return <Fragment key={index}>{part.value}</Fragment>;
        const head = first ? '' : part.value.slice(0, CONTEXT_CHARS);
        const tail = last ? '' : part.value.slice(-CONTEXT_CHARS);
        return (
          <Fragment key={index}>
            {head}
            <span className="diff-elided">（省略未修改的 {part.value.length - head.length - tail.length} 字）</span>
            {tail}
          </Fragment>
        );
      })}
    </p>
  );
}

/** The revisions (稿) of an item and what changed between two of them. */
function RevisionsSection({ itemId, revision }: { itemId: string; revision: number }) {
  const [list, setList] = useState<RevisionListView | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<RevisionDiffView | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void api<RevisionListView>('GET', `/items/${itemId}/revisions`).then((answer) => {
      setList(answer);
      const numbers = answer.items.map((item) => item.revision);
      if (numbers.length >= 2) {
        setFrom(numbers[numbers.length - 2]!);
        setTo(numbers[numbers.length - 1]!);
      }
    }, setError);
  }, [itemId, revision]);
  useEffect(() => {
    if (from === null || to === null || from === to) {
      setDiff(null);
      return;
    }
    void api<RevisionDiffView>('GET', `/items/${itemId}/revisions/${from}/diff/${to}`).then(setDiff, setError);
  }, [itemId, from, to]);

  if (!list) return error ? <ErrorBanner error={error} /> : null;
  const unchanged = diff?.fields.filter((field) => !field.changed).map((field) => field.label) ?? [];
  return (
    <section className="card" aria-labelledby="revisions-title">
      <h2 id="revisions-title">修改稿对比</h2>
      <ErrorBanner error={error} />
      <ol className="revision-list">
        {list.items.map((item) => (
          <li key={item.revision}>
            <strong>第 {item.revision} 稿</strong> {item.title} <span className="muted">· {formatDateTime(item.recordedAt)}</span>
            {item.changedFields.length ? <span className="muted"> · 修改了{item.changedFields.map((field) => FIELD_NAMES[field] ?? field).join('、')}</span> : null}
          </li>
        ))}
      </ol>
      {list.items.length < 2 ? (
        <p className="muted">只有一稿，退回修改后可在这里对比各稿的变化。</p>
      ) : (
        <>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="diff-from">对比</label>
              <select id="diff-from" value={from ?? ''} onChange={(e) => setFrom(Number(e.target.value))}>
                {list.items.map((item) => (
                  <option key={item.revision} value={item.revision}>
                    第 {item.revision} 稿
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="diff-to">与</label>
              <select id="diff-to" value={to ?? ''} onChange={(e) => setTo(Number(e.target.value))}>
                {list.items.map((item) => (
                  <option key={item.revision} value={item.revision}>
                    第 {item.revision} 稿
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="diff-legend">
            图例：<ins className="diff-added">新增的文字</ins> <del className="diff-removed">删除的文字</del>
          </p>
          {diff ? (
            <div className="diff" aria-live="polite">
              {diff.fields
                .filter((field) => field.changed && field.parts)
                .map((field) => (
                  <div key={field.field} className="diff-field">
                    <h3>{field.label}</h3>
                    <DiffText parts={field.parts!} />
                  </div>
                ))}
              <p className="muted">{diff.changed ? (unchanged.length ? `未修改：${unchanged.join('、')}` : '') : '两稿内容相同。'}</p>
            </div>
          ) : from === to ? (
            <p className="muted">请选择两份不同的稿。</p>
          ) : (
            <Loading />
          )}
        </>
      )}
    </section>
  );
}

const FIELD_NAMES: Record<string, string> = { title: '标题', body: '正文', interpretation: '政策解读', formedAt: '形成日期', channels: '发布渠道' };

/** The files of an item, each downloadable with the staff member's token. */
function AttachmentsSection({ attachments }: { attachments: AttachmentView[] }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">附件</h2>
      <ErrorBanner error={error} />
      {attachments.length === 0 ? (
        <p className="muted">没有附件。</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <button type="button" className="link-button" onClick={() => void downloadAttachment(attachment.downloadPath, attachment.fileName).catch(setError)}>
                {attachment.fileName}
              </button>
              <span className="muted">
                {' '}
                · {attachment.mediaType === 'application/pdf' ? 'PDF' : attachment.mediaType === 'image/png' ? 'PNG' : 'JPEG'} · {formatSize(attachment.size)} · {formatDateTime(attachment.uploadedAt)} 上传
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 公示期：from the release day to its last day, and whether it has ended. */
export function PublicityPeriodLine({ period }: { period: PublicityPeriodView }) {
  return (
    <p className="meta" role="status">
      公示期：{formatDate(period.startsAt)} 至 {formatDate(period.endsAt)}
      {period.ended ? <strong>（公示期已结束）</strong> : <span>（公示中）</span>}
    </p>
  );
}

/** The item page: state, deadlines and why, the timeline, and the release ledger. */
export function ItemScreen({ id }: { id: string }) {
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => api<ItemDetail>('GET', `/items/${id}`).then(setItem, setError);
  useEffect(() => {
    void load();
  }, [id]);

  const submit = async () => {
    setError(null);
    try {
      await api('POST', `/items/${id}/submit`, undefined, idempotencyKey());
      await load();
    } catch (caught) {
      setError(caught);
    }
  };

  if (!item) return error ? <ErrorBanner error={error} /> : <Loading />;
  return (
    <section className="page" aria-labelledby="item-title">
      <p className="breadcrumb">
        <Link to="/items">我的事项</Link> › 事项详情
      </p>
      <div className="page-head">
        <h1 id="item-title">{item.title}</h1>
        <StateBadge state={item.state} label={STATE_LABELS[item.state] ?? item.state} />
      </div>
      <p className="meta">
        {item.catalogItem.name ?? item.catalogItem.code} · 起草人 {item.drafter} · {item.catalogItem.timeLimit?.clockStart ? clockStartLabel(item.catalogItem.timeLimit) : '形成日期'} {formatDate(item.formedAt)} · 第 {item.revision} 稿
      </p>
      <ErrorBanner error={error} />
      {EDITABLE_STATES.includes(item.state) && item.drafter === loadSession()?.actor.username ? (
        <div className="actions">
          <Link className="button" to={`/draft/${item.id}`}>
            {item.state === 'RETURNED' ? '修改退回的事项' : '修改草稿'}
          </Link>
          <button type="button" className="button button-primary" onClick={() => void submit()}>
            {item.state === 'RETURNED' ? '重新提交审核' : '提交审核'}
          </button>
        </div>
      ) : null}
      {item.state === 'RELEASED' ? (
        <p>
          <Link to={`/public/items/${item.id}`}>在政务公开专栏查看</Link>
        </p>
      ) : null}
      <p>
        <Link className="button" to={`/items/${item.id}/actions`}>事项操作（撤回、新版本、延期、发布台账）</Link>
      </p>
      {item.publicityPeriod ? <PublicityPeriodLine period={item.publicityPeriod} /> : null}

      <section className="card" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">时限</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">时限</th>
              <th scope="col">截止时间</th>
              <th scope="col">为什么是这一天</th>
              <th scope="col">情况</th>
            </tr>
          </thead>
          <tbody>
            {item.deadlines.map((d, index) => {
              const status = d.met === true ? '按时完成' : d.met === false ? '超期完成' : d.overdue ? '已逾期' : '进行中';
              const urgency = d.met !== null ? 'normal' : urgencyOf(d.dueAt, d.overdue);
              return (
                <tr key={`${d.kind}-${index}`} className={`row-${urgency}`}>
                  <th scope="row">{d.label}</th>
                  <td>
                    {formatDateTime(d.dueAt)}
                    {d.provisional ? <span className="muted">（暂定）</span> : null}
                  </td>
                  <td className="why">{d.why ?? '—'}</td>
                  <td>{status}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <AttachmentsSection attachments={item.attachments ?? []} />
      <RevisionsSection itemId={item.id} revision={item.revision} />

      <div className="two-columns">
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">办理过程</h2>
          <ol className="timeline">
            {item.timeline.map((event, index) => (
              <li key={index}>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                <span>
                  <strong>{actionLabel(event.action)}</strong> · {event.actorName === 'system' ? '系统' : event.actorName}
                </span>
                {event.reason ? <p className="muted">意见：{event.reason}</p> : null}
                {event.action.startsWith('attachment.') && typeof event.detail?.fileName === 'string' ? <p className="muted">{event.detail.fileName}</p> : null}
              </li>
            ))}
          </ol>
        </section>
        <section className="card" aria-labelledby="ledger-title">
          <h2 id="ledger-title">发布台账</h2>
          {item.publications.length === 0 ? (
            <p className="muted">尚未发布。</p>
          ) : (
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">渠道</th>
                  <th scope="col">状态</th>
                  <th scope="col">时间</th>
                </tr>
              </thead>
              <tbody>
                {item.publications.map((p, index) => (
                  <tr key={index}>
                    <td>{p.channel}</td>
                    <td>
                      <span className={`badge badge-pub-${p.status}`}>{PUBLICATION_STATUS_LABELS[p.status] ?? p.status}</span>
                      {p.confirmation ? (
                        <div className="muted">
                          {p.confirmation.byName}于{formatDateTime(p.confirmation.at)}确认{p.confirmation.action === 'posted' ? '张贴' : '撤下'}：{p.confirmation.note}
                        </div>
                      ) : null}
                    </td>
                    <td>{formatDateTime(p.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <details className="card">
        <summary>正文与目录要素</summary>
        <div className="body-text">{item.body}</div>
        <Elements elements={elementsOf(item.catalogItem)} />
      </details>
    </section>
  );
}
