import { Button } from 'tdesign-react';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import { Highlighted } from './Highlighted';
import type { PortalFilters, PublicListItem } from './portal-model';

/** How many items match, the list with the search terms marked, and 加载更多 while there are more pages. */
export function PortalResults(props: {
  filters: PortalFilters;
  scope: string;
  items: PublicListItem[];
  total: number;
  ranking: 'recent' | undefined;
  terms: string[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { filters, scope, items, terms } = props;
  const filtered = !!(filters.q || filters.area || filters.category);
  return (
    <>
      <p className="result-summary" role="status">
        {filters.q ? (
          <>
            找到 <strong>{props.total}</strong> 条与“{filters.q}”相关的信息{scope ? `（${scope}）` : ''}
            {props.ranking === 'recent' ? '，结果较多，按发布时间排列' : ''}
          </>
        ) : (
          <>
            共 <strong>{props.total}</strong> 条公开信息{scope ? `（${scope}）` : ''}
          </>
        )}
        {filtered ? (
          <>
            {' · '}
            <Link to="/public">清除条件</Link>
          </>
        ) : null}
      </p>
      {items.length === 0 ? (
        <div className="empty">
          {filters.q ? (
            <>
              <p>未找到与“{filters.q}”相关的公开信息。</p>
              <p>请尝试更换或缩短关键词{filters.area || filters.category ? '，或在全部领域和类别中搜索' : ''}。</p>
            </>
          ) : (
            <p>该栏目暂无公开信息。</p>
          )}
        </div>
      ) : (
        <ul className="public-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/public/items/${item.id}`} className="public-title">
                <Highlighted text={item.title} terms={terms} />
              </Link>
              {item.snippet ? (
                <p className="public-snippet">
                  <Highlighted text={item.snippet} terms={terms} />
                </p>
              ) : null}
              <span className="public-meta">
                {item.department} · {item.area} · {item.categoryLabel} · <Highlighted text={item.elements.name} terms={terms} /> · {formatDate(item.releasedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.hasMore ? (
        <p className="center">
          <Button variant="outline" onClick={props.onLoadMore} loading={props.loadingMore}>
            {props.loadingMore ? '正在加载…' : '加载更多'}
          </Button>
        </p>
      ) : null}
    </>
  );
}
