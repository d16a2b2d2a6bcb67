import { useEffect, useState } from 'react';
import { api, idempotencyKey, type Session } from '../api';
import { ACTION_LABELS, formatDate, formatDateTime, PUBLICATION_STATUS_LABELS, STATE_LABELS, urgencyOf } from '../format';
import { elementsOf, type ItemDetail } from '../item-types';
import { Elements, ErrorBanner, Loading, StateBadge } from '../ui';

// The API has no "my items" list yet, so the browser remembers the items this user drafted here.
const myItemsKey = (username: string) => `zwgk.my-items.${username}`;

export function rememberItem(username: string, id: string): void {
  const ids = readMyItems(username).filter((known) => known !== id);
  localStorage.setItem(myItemsKey(username), JSON.stringify([id, ...ids].slice(0, 100)));
}

function readMyItems(username: string): string[] {
  try {
    return JSON.parse(localStorage.getItem(myItemsKey(username)) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function MyItemsScreen({ session }: { session: Session }) {
  const [items, setItems] = useState<ItemDetail[] | null>(null);
  useEffect(() => {
    const ids = readMyItems(session.actor.username);
    void Promise.all(ids.map((id) => api<ItemDetail>('GET', `/items/${id}`).catch(() => null))).then((found) => setItems(found.filter((item): item is ItemDetail => item !== null)));
  }, [session.actor.username]);

  return (
    <section className="page" aria-labelledby="my-items-title">
      <div className="page-head">
        <h1 id="my-items-title">我的事项</h1>
        <a className="button button-primary" href="#/draft">
          起草公开事项
        </a>
      </div>
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">在本浏览器起草的事项会列在这里。</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">状态</th>
              <th scope="col">下一个时限</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const next = item.deadlines.find((d) => d.met === null);
              const urgency = next ? urgencyOf(next.dueAt, next.overdue) : 'normal';
              return (
                <tr key={item.id} className={`row-${urgency}`}>
                  <td>
                    <a href={`#/items/${item.id}`}>{item.title}</a>
                  </td>
                  <td>
                    <StateBadge state={item.state} label={STATE_LABELS[item.state] ?? item.state} />
                  </td>
                  <td>{next ? `${next.label} ${formatDateTime(next.dueAt)}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
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
        <a href="#/items">我的事项</a> › 事项详情
      </p>
      <div className="page-head">
        <h1 id="item-title">{item.title}</h1>
        <StateBadge state={item.state} label={STATE_LABELS[item.state] ?? item.state} />
      </div>
      <p className="meta">
        {item.catalogItem.name ?? item.catalogItem.code} · 起草人 {item.drafter} · 形成日期 {formatDate(item.formedAt)} · 第 {item.revision} 稿
      </p>
      <ErrorBanner error={error} />
      {item.state === 'DRAFT' || item.state === 'RETURNED' ? (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => void submit()}>
            提交审核
          </button>
        </div>
      ) : null}
      {item.state === 'RELEASED' ? (
        <p>
          <a href={`#/public/items/${item.id}`}>在政务公开专栏查看</a>
        </p>
      ) : null}

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

      <div className="two-columns">
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">办理过程</h2>
          <ol className="timeline">
            {item.timeline.map((event, index) => (
              <li key={index}>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                <span>
                  <strong>{ACTION_LABELS[event.action] ?? event.action}</strong> · {event.actorName === 'system' ? '系统' : event.actorName}
                </span>
                {event.reason ? <p className="muted">意见：{event.reason}</p> : null}
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
