import '../staff-screens.css';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { RouteParams } from '../../routes';
import type { Session } from '../../api';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { useStaffDirectory } from '../staff-directory';
import { calendarKeys } from './calendar-types';
import { LoadYearForm } from './LoadYearForm';
import { RecalculationProgress } from './RecalculationProgress';
import { YearsTable, type YearRow } from './YearsTable';

/** Years shown ahead of the last official one, counted with the statutory holidays until their notice is loaded. */
const PROVISIONAL_YEARS_SHOWN = 2;

/**
 * 节假日安排: the years whose official arrangement is loaded, the next ones still counted provisionally, loading
 * a new year's notice (admins), and the progress of the deadline recalculation it starts (/calendar/<batch>).
 */
export default function CalendarScreen({ params, session }: { params: RouteParams; session: Session }) {
  const navigate = useNavigate();
  const directory = useStaffDirectory();
  const years = useQuery({ queryKey: calendarKeys.years, queryFn: () => bodyOf(apiClient.GET('/api/calendar/years')) });
  const official = years.data?.years ?? [];
  const lastOfficial = official.reduce((max, year) => Math.max(max, year.year), 0);
  const provisional: YearRow[] = lastOfficial
    ? Array.from({ length: PROVISIONAL_YEARS_SHOWN }, (_, index) => ({ year: lastOfficial + index + 1, source: '', published: false, holidays: [], makeUpWorkingDays: [], loadedBy: null, loadedAt: null, provisional: true }))
    : [];
  const rows: YearRow[] = [...official.map((year) => ({ ...year, provisional: !year.published })), ...provisional].sort((a, b) => b.year - a.year);
  const batchId = params.batchId;
  return (
    <section className="page" aria-labelledby="calendar-title">
      <h1 id="calendar-title">节假日安排</h1>
      {batchId ? <RecalculationProgress key={batchId} batchId={batchId} /> : null}
      <section className="card" aria-labelledby="years-title">
        <h2 id="years-title">已载入的年度安排</h2>
        <p className="muted">工作日期限按正式安排计算；尚未载入通知的年份暂按法定节假日推算，相关期限标注为“暂按”，通知载入后自动重算。</p>
        <ErrorBanner error={years.error} />
        <YearsTable rows={rows} loading={years.isLoading} person={directory.person} />
      </section>
      {session.actor.roles.includes('admin') && lastOfficial ? (
        <LoadYearForm suggestedYear={lastOfficial + 1} onLoaded={(loaded) => navigate(`/calendar/${loaded.recalculationBatchId}`)} />
      ) : null}
    </section>
  );
}
