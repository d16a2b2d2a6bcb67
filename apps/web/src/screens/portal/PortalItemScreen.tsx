import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { formatDate, formatSize } from '../../format';
import { apiClient, dataOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import { Elements, ErrorBanner, Loading } from '../../ui';
import { InterpretationsSection } from '../InterpretationsSection';
import { PublicityPeriodLine } from '../ItemScreens';
import { RatingWidget } from '../RatingWidget';
import { ConcernForm } from './ConcernForm';
import { portalHref, type PublicItem } from './portal-model';

/** A released item: content, six elements, interpretation, responses, and the concern form. */
export function PortalItemScreen({ id }: { id: string }) {
  const { data: item, error } = useQuery({
    queryKey: queryKeys.publicItem(id),
    queryFn: () => dataOf<PublicItem>(apiClient.GET('/api/public/items/{id}', { params: { path: { id } } })),
  });

  // The same <title> the server gives this page, also when the app got here by a link.
  useEffect(() => {
    if (item) document.title = `${item.title} - 政务公开专栏`;
  }, [item]);

  if (!item) return error ? <ErrorBanner error={error} /> : <Loading />;
  if (item.state === 'WITHDRAWN') {
    return (
      <section className="page" aria-labelledby="public-item-title">
        <h1 id="public-item-title">{item.title}</h1>
        <div className="banner banner-warning" role="status">
          该信息已于{formatDate(item.withdrawnAt)}撤回。撤回原因：{item.withdrawalReason}
        </div>
      </section>
    );
  }
  return (
    <article className="page" aria-labelledby="public-item-title">
      <p className="breadcrumb">
        <Link to="/public">政府信息公开</Link> › {item.area ? <Link to={portalHref({ area: item.area })}>{item.area}</Link> : null}
        {item.category && item.categoryLabel ? (
          <>
            {' › '}
            <Link to={portalHref({ area: item.area, category: item.category })}>{item.categoryLabel}</Link>
          </>
        ) : null}
      </p>
      <h1 id="public-item-title" className="article-title">
        {item.title}
      </h1>
      <p className="meta center">
        发布机构：{item.department} · 发布日期：{formatDate(item.releasedAt)}
        {item.edition && item.edition > 1 ? ` · 第${item.edition}版（更新于${formatDate(item.updatedAt)}）` : ''}
      </p>
      {item.publicityPeriod ? <PublicityPeriodLine period={item.publicityPeriod} /> : null}
      <div className="card body-text article-body">{item.body}</div>
      {item.elements ? (
        <section className="card" aria-labelledby="six-elements">
          <h2 id="six-elements">公开事项要素</h2>
          <Elements elements={item.elements} />
        </section>
      ) : null}
      {item.attachments?.length ? (
        <section className="card" aria-labelledby="attachments-title">
          <h2 id="attachments-title">附件</h2>
          <ul className="public-attachments">
            {item.attachments.map((file) => (
              <li key={file.id}>
                <a href={file.downloadPath} download={file.fileName}>
                  {file.fileName}
                </a>
                <span className="muted">
                  {' '}
                  （{file.mediaType === 'application/pdf' ? 'PDF' : '图片'}，{formatSize(file.size)}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <InterpretationsSection itemId={item.id} text={item.interpretation} />
      <section className="card" aria-labelledby="responses-title">
        <h2 id="responses-title">回应关切</h2>
        {item.responses?.length ? (
          <ol className="comments">
            {item.responses.map((r) => (
              <li key={r.id}>
                {r.question ? <p><strong>问：</strong>{r.question}</p> : null}
                <p>
                  <strong>答：</strong>
                  {r.response}
                </p>
                <p className="muted">
                  {r.respondent} · {formatDate(r.publishedAt)}
                </p>
                <RatingWidget target={{ kind: 'response', concernId: r.id }} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">暂无公开答复。</p>
        )}
      </section>
      <div className="card">
        <RatingWidget target={{ kind: 'item', itemId: item.id }} />
      </div>
      <ConcernForm itemId={item.id} />
    </article>
  );
}
