import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import { apiClient, bodyOf } from '../../openapi/client';
import { queryKeys } from '../../query';
import { Elements, ErrorBanner, Loading } from '../../ui';
import { InterpretationsSection } from '../items/InterpretationsSection';
import { PublicityPeriodLine } from '../items/PublicityPeriodLine';
import { ConcernForm } from './ConcernForm';
import { portalHref } from './portal-model';
import { PublicAttachments, PublicResponses } from './PortalItemSections';
import { RatingWidget } from './RatingWidget';

/** A released item: content, six elements, interpretation, responses, and the concern form. */
export function PortalItemScreen({ id }: { id: string }) {
  const { data: item, error } = useQuery({
    queryKey: queryKeys.publicItem(id),
    queryFn: () => bodyOf(apiClient.GET('/api/public/items/{id}', { params: { path: { id } } })),
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
      <PublicAttachments files={item.attachments ?? []} />
      <InterpretationsSection itemId={item.id} text={item.interpretation} />
      <PublicResponses responses={item.responses ?? []} />
      <div className="card">
        <RatingWidget target={{ kind: 'item', itemId: item.id }} />
      </div>
      <ConcernForm itemId={item.id} />
    </article>
  );
}
