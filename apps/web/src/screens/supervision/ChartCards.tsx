import { useLayoutEffect, useRef } from 'react';
import { Button, Card, Radio, Table, type PrimaryTableCol } from 'tdesign-react';
import { Loading } from '../../ui';
import { formatRate, OverdueBarChart, TrendChart } from './charts';
import type { OverdueBar, SupervisionTrend, TrendPoint, TrendUnit } from './supervision-api';

/** A bar chart with its data table (the text alternative, and a keyboard path to the same drill-down). */
export function ChartCard({ id, title, bars, onSelect }: { id: string; title: string; bars: OverdueBar[]; onSelect: (bar: OverdueBar) => void }) {
  const columns: PrimaryTableCol<OverdueBar>[] = [
    { colKey: 'label', title: '分组' },
    { colKey: 'statutory', title: '法定时限', align: 'right' },
    { colKey: 'sla', title: '内部时限', align: 'right' },
    { colKey: 'stillOverdue', title: '未办结', align: 'right' },
    {
      colKey: 'operation',
      title: '明细',
      cell: ({ row }) => (
        <Button variant="text" theme="primary" size="small" onClick={() => onSelect(row)}>
          查看
        </Button>
      ),
    },
  ];
  return (
    <Card className="chart-card" bordered>
      <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {bars.length === 0 ? (
        <p className="muted">没有逾期事项。</p>
      ) : (
        <>
          <OverdueBarChart bars={bars} title={title} onSelect={onSelect} />
          <p className="chart-hint">点击柱条查看对应明细。</p>
          <details className="chart-data">
            <summary>数据表</summary>
            <Table rowKey="key" size="small" data={bars} columns={columns} />
          </details>
        </>
      )}
      </section>
    </Card>
  );
}

/** One period of the trend table: the on-time rate, then on time / due and the overdue count. */
const trendCell = (point: TrendPoint | undefined) =>
  point ? (
    <>
      {formatRate(point.onTimeRate)}
      <div className="muted">
        {point.onTime}/{point.due}，逾期{point.overdue}
      </div>
    </>
  ) : (
    '—'
  );

interface TrendRow {
  key: string;
  name: string;
  series: TrendPoint[];
}

/** The on-time rate and overdue trend, by quarter or month, with its data table. */
export function TrendCard({ trend, unit, onUnit }: { trend: SupervisionTrend | undefined; unit: TrendUnit; onUnit: (unit: TrendUnit) => void }) {
  // Twelve months do not fit the page: the table scrolls sideways, so keyboard users must be able to focus it.
  const tableBox = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const scroller = tableBox.current?.querySelector<HTMLElement>('.t-table__content');
    if (!scroller) return;
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'region');
    scroller.setAttribute('aria-label', '按时公开率数据表，可左右滚动');
  });
  const rows: TrendRow[] = trend ? [{ key: 'total', name: '全县', series: trend.totals }, ...trend.departments.map((d) => ({ key: d.departmentCode, name: d.departmentName, series: d.series }))] : [];
  const columns: PrimaryTableCol<TrendRow>[] = [
    { colKey: 'name', title: '部门', fixed: 'left', width: 150 },
    ...(trend?.periods ?? []).map((period, index) => ({ colKey: period.key, title: period.label, width: 110, cell: ({ row }: { row: TrendRow }) => trendCell(row.series[index]) })),
  ];
  return (
    <Card className="chart-card" bordered>
      <section aria-labelledby="trend-title">
      <div className="chart-head">
        <h2 id="trend-title">按时公开率与逾期趋势</h2>
        <Radio.Group variant="default-filled" value={unit} onChange={(value) => onUnit(value as TrendUnit)} aria-label="统计周期">
          <Radio.Button value="quarter">近6个季度</Radio.Button>
          <Radio.Button value="month">近12个月</Radio.Button>
        </Radio.Group>
      </div>
      {trend ? (
        <>
          <TrendChart trend={trend} />
          <details className="chart-data">
            <summary>数据表</summary>
            <div ref={tableBox}>
              <Table rowKey="key" size="small" data={rows} columns={columns} tableLayout="fixed" />
            </div>
          </details>
        </>
      ) : (
        <Loading />
      )}
      </section>
    </Card>
  );
}
