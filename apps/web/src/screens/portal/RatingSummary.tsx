import type { RatingSummary } from './rating-api';

/** The running result: how many rated, the average, and the share of each score. */
export function RatingSummaryView({ summary }: { summary: RatingSummary | undefined }) {
  if (!summary) return null;
  if (summary.count === 0) return <p className="muted rating-summary">暂无评价，欢迎您第一个评价。</p>;
  return (
    <div className="rating-summary">
      <p>
        <strong className="rating-average">{summary.average?.toFixed(1)}</strong> 分（满分 5 分），共 {summary.count} 人评价
      </p>
      <ul className="rating-distribution" aria-label="各分值评价人数">
        {([5, 4, 3, 2, 1] as const).map((score) => {
          const count = summary.distribution[score];
          return (
            <li key={score}>
              <span className="rating-distribution-label">{score}星</span>
              <span className="rating-bar" aria-hidden="true">
                <span style={{ width: `${summary.count ? (count / summary.count) * 100 : 0}%` }} />
              </span>
              <span>{count} 人</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
