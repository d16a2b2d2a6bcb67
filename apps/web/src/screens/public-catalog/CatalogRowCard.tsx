import { Link } from 'react-router';
import { Descriptions, Tag } from 'tdesign-react';
import { formatDate } from '../../format';
import { STANDING_THEME, standingText, type CatalogRow } from './catalog-model';

/** What was released under a row: its standing, the last release and the latest few. */
function CatalogReleases({ row }: { row: CatalogRow }) {
  return (
    <section className="catalog-releases" aria-label={`${row.name}的公开情况`}>
      <h3>公开情况</h3>
      <p>
        <Tag theme={STANDING_THEME[row.standing.status] ?? 'default'} variant="light">
          {standingText(row)}
        </Tag>
      </p>
      <p>最近公开：{row.releases.lastReleasedAt ? formatDate(row.releases.lastReleasedAt) : '尚无公开'}</p>
      {row.releases.latest.length ? (
        <>
          <ul className="catalog-release-list">
            {row.releases.latest.map((release) => (
              <li key={release.id}>
                <Link to={`/public/items/${release.id}`}>{release.title}</Link> <span className="muted">{formatDate(release.releasedAt)}</span>
              </li>
            ))}
          </ul>
          {row.releases.count > row.releases.latest.length ? (
            <p className="muted">
              共{row.releases.count}条，以上为最近{row.releases.latest.length}条。
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">该事项下暂无公开信息。</p>
      )}
    </section>
  );
}

/** One catalog row: its elements and, beside them, what was released under it. */
export function CatalogRowCard({ row, index }: { row: CatalogRow; index: number }) {
  const elements: [string, string][] = [
    ['事项名称', row.name],
    ['公开依据', row.basis],
    ['公开内容', row.content],
    ['公开主体', row.subject],
    ['公开时限', row.timeLimit],
    ['公开方式', row.mode],
    ['公开渠道', row.channels.join('、')],
    ['公开对象', row.audience],
    ['责任部门', row.departments.map((d) => d.name).join('、') || '未指定'],
    ...(row.category ? ([['五公开类别', row.category]] as [string, string][]) : []),
  ];
  const id = `catalog-row-${index}`;
  return (
    <li className="card catalog-row" aria-labelledby={id} data-code={row.code}>
      <h2 id={id} className="catalog-row-title">
        {row.name} <span className="muted catalog-row-area">{row.area}</span>
      </h2>
      <div className="catalog-row-body">
        <Descriptions size="small" column={1} colon={false} tableLayout="auto" labelStyle={{ width: '6em', whiteSpace: 'nowrap' }} items={elements.map(([label, content]) => ({ label, content }))} />
        <CatalogReleases row={row} />
      </div>
    </li>
  );
}
