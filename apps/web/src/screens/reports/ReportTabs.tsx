import { Link } from 'react-router';

/** The two report screens, as tabs. */
export function ReportTabs({ current }: { current: 'annual' | 'assessment' }) {
  return (
    <nav className="report-tabs" aria-label="报表">
      <Link to="/reports/annual" aria-current={current === 'annual' ? 'page' : undefined}>
        年度报告
      </Link>
      <Link to="/reports/assessment" aria-current={current === 'assessment' ? 'page' : undefined}>
        考核评估
      </Link>
    </nav>
  );
}

