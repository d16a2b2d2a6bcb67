import '../staff-screens.css';
import { useRef, useState } from 'react';
import { Alert, Button, Col, Row, Space } from 'tdesign-react';
import { download } from '../../api';
import { ErrorBanner, Loading } from '../../ui';
import { AnnualReportCard, OverdueStats } from './DashboardSummary';
import { ChartCard, TrendCard } from './ChartCards';
import { DemandList } from './DemandList';
import { FilterChips, filterChips, OUTSIDE_REVIEW } from './FilterChips';
import { OverdueApplications } from './OverdueApplications';
import { OverdueFilterBar } from './OverdueFilterBar';
import { OverdueTable } from './OverdueTable';
import { filterQuery, useDashboard, useFilterOptions, useOverdueList, useTrend, type OverdueFilters, type TrendUnit } from './supervision-api';

/** 督查督办: charts of the overdue list with drill-down, the trend, the annual report's deadline, the list with its actions and exports. */
export default function SupervisionScreen() {
  const [filters, setFilters] = useState<OverdueFilters>({});
  const [outsideReview, setOutsideReview] = useState(false);
  const [unit, setUnit] = useState<TrendUnit>('quarter');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const options = useFilterOptions();
  const dashboard = useDashboard(filters);
  const list = useOverdueList(filters);
  const trend = useTrend(unit);

  /** A bar (or its table row) narrows the list to its group and takes the user to the list. */
  const drill = (patch: OverdueFilters, stageless = false) => {
    setFilters((current) => ({ ...current, ...patch }));
    setOutsideReview(stageless);
    requestAnimationFrame(() => {
      listHeading.current?.scrollIntoView({ block: 'start' });
      listHeading.current?.focus();
    });
  };
  const setFilter = (key: keyof OverdueFilters, value: string) => {
    setFilters((current) => {
      const next: Record<string, string | undefined> = { ...current, [key]: value || undefined };
      // The selects offer the API's own values (stage, kind), so the strings stand for the typed ones.
      return Object.fromEntries(Object.entries(next).filter(([, kept]) => kept)) as OverdueFilters;
    });
    if (key === 'stage') setOutsideReview(false);
  };
  const clearFilters = () => {
    setFilters({});
    setOutsideReview(false);
  };
  const onDone = (message: string) => setNotice(message);

  const rows = (list.data?.items ?? []).filter((row) => !outsideReview || row.stage === null);
  const query = filterQuery(filters);
  const chips = filterChips(filters, outsideReview, options.data);
  const exportFile = (extension: 'xlsx' | 'csv') => download(`/supervision/overdue.${extension}${query}`, `逾期事项.${extension}`).catch(setError);

  return (
    <section className="page supervision" aria-labelledby="supervision-title">
      <div className="page-head">
        <h1 id="supervision-title">督查督办：逾期事项</h1>
        {/* Links (with the href a user can copy), but the file needs the bearer token, which a plain link cannot send. */}
        <div role="group" aria-label="按当前筛选导出">
          <Space>
            {(['xlsx', 'csv'] as const).map((extension) => (
              <Button key={extension} variant="outline" href={`/api/supervision/overdue.${extension}${query}`} onClick={(event) => { event.preventDefault(); void exportFile(extension); }}>
                导出 {extension === 'xlsx' ? 'Excel' : 'CSV'}
              </Button>
            ))}
          </Space>
        </div>
      </div>
      <ErrorBanner error={error ?? options.error ?? dashboard.error ?? list.error ?? trend.error} />
      {notice ? (
        <div role="status" style={{ marginBottom: 12 }}>
          <Alert theme="success" message={notice} close onClose={() => setNotice(null)} />
        </div>
      ) : null}

      <OverdueFilterBar filters={filters} options={options.data} loading={options.isLoading} active={chips.length > 0} onChange={setFilter} onClear={clearFilters} />

      {!dashboard.data ? (
        <Loading />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={12} lg={8}>
              <OverdueStats counts={dashboard.data.counts} demands={dashboard.data.demands} />
            </Col>
            <Col xs={12} lg={4}>
              <AnnualReportCard report={dashboard.data.annualReport} onError={setError} />
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={12} lg={4}>
              <ChartCard id="by-department" title="各部门逾期情况" bars={dashboard.data.byDepartment} onSelect={(bar) => drill({ departmentCode: bar.key })} />
            </Col>
            <Col xs={12} lg={4}>
              <ChartCard id="by-area" title="各领域逾期情况" bars={dashboard.data.byArea} onSelect={(bar) => drill({ area: bar.key })} />
            </Col>
            <Col xs={12} lg={4}>
              <ChartCard id="by-stage" title="各环节逾期情况" bars={dashboard.data.byStage} onSelect={(bar) => (bar.key === OUTSIDE_REVIEW ? drill({ stage: undefined }, true) : drill({ stage: bar.key as OverdueFilters['stage'] }))} />
            </Col>
            <Col span={12}>
              <TrendCard trend={trend.data} unit={unit} onUnit={setUnit} />
            </Col>
          </Row>
        </>
      )}

      <div className="page-head list-head">
        <h2 id="overdue-list" ref={listHeading} tabIndex={-1}>
          逾期事项明细{list.data ? `（${rows.length} 条）` : ''}
        </h2>
        <FilterChips chips={chips} onRemove={(chip) => (chip.key === OUTSIDE_REVIEW ? setOutsideReview(false) : setFilter(chip.key, ''))} />
      </div>
      {!list.data ? <Loading /> : <OverdueTable rows={rows} onDone={onDone} />}

      <OverdueApplications rows={list.data?.applications.items} onDone={onDone} />

      <DemandList />
    </section>
  );
}
