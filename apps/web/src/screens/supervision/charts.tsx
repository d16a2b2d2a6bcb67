import { useEffect, useMemo, useRef } from 'react';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { OverdueBar, SupervisionTrend } from './supervision-api';

// Only the pieces these charts use, so that the bundle carries no more of ECharts than that. SVG renders
// crisp text at any zoom and prints well.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Colours with AA contrast on white: statutory red, internal amber, then distinct hues for departments. */
const STATUTORY = '#a4161a';
const SLA = '#b86e00';
const SERIES_COLOURS = ['#0b5cad', '#a4161a', '#135c2b', '#6f42c1', '#b86e00', '#0a7c86', '#57606a'];
const FONT = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

/**
 * One ECharts instance in a div. The chart is a picture for sighted users (role="img" with a summary);
 * every chart on the dashboard also has a data table, which is the text alternative and the keyboard path.
 */
function EChart({ option, summary, height, onSelect }: { option: ChartOption; summary: string; height: number; onSelect?: (index: number) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const instance = init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => select.current?.(params.dataIndex));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={element} className="chart" style={{ height }} role="img" aria-label={summary} />;
}

/**
 * Overdue per department, area or stage: horizontal bars (Chinese labels read left to right), statutory and
 * internal stacked. Clicking a bar selects that group.
 */
export function OverdueBarChart({ bars, title, onSelect }: { bars: readonly OverdueBar[]; title: string; onSelect?: (bar: OverdueBar) => void }) {
  // Largest at the top: a category axis draws its first entry at the bottom.
  const ordered = useMemo(() => [...bars].reverse(), [bars]);
  const summary = bars.length
    ? `${title}：${bars.map((bar) => `${bar.label}，法定时限逾期${bar.statutory}件，内部时限逾期${bar.sla}件`).join('；')}。`
    : `${title}：没有逾期事项。`;
  const option = useMemo((): ChartOption => ({
    textStyle: { fontFamily: FONT },
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: ['法定时限', '内部时限'], textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#57606a' } },
    yAxis: { type: 'category', data: ordered.map((bar) => bar.label), axisLabel: { color: '#1f2328', fontSize: 13, width: 110, overflow: 'truncate' } },
    series: [
      { name: '法定时限', type: 'bar', stack: 'overdue', data: ordered.map((bar) => bar.statutory), itemStyle: { color: STATUTORY }, barMaxWidth: 26, cursor: onSelect ? 'pointer' : 'default' },
      {
        name: '内部时限',
        type: 'bar',
        stack: 'overdue',
        data: ordered.map((bar) => bar.sla),
        itemStyle: { color: SLA },
        barMaxWidth: 26,
        cursor: onSelect ? 'pointer' : 'default',
        label: { show: true, position: 'right', color: '#1f2328', formatter: (params) => String(ordered[params.dataIndex]!.statutory + ordered[params.dataIndex]!.sla) },
      },
    ],
  }), [bars, onSelect !== undefined]);
  return (
    <EChart
      option={option}
      summary={summary}
      height={Math.max(160, 56 + ordered.length * 40)}
      {...(onSelect ? { onSelect: (index: number) => ordered[index] && onSelect(ordered[index]) } : {})}
    />
  );
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

/** On-time release rate per department (lines, left axis) and the overdue count (bars, right axis), period by period. */
export function TrendChart({ trend }: { trend: SupervisionTrend }) {
  const labels = trend.periods.map((period) => period.label);
  // A department that owed nothing in the whole span has no rate to draw: it would only crowd the legend.
  const departments = trend.departments.filter((department) => department.series.some((point) => point.due > 0));
  const summary = `按时公开率与逾期件数趋势（${labels[0]}至${labels[labels.length - 1]}）：全县按时公开率依次为${trend.totals.map((point) => percent(point.onTimeRate)).join('、')}；${departments
    .map((department) => `${department.departmentName}依次为${department.series.map((point) => percent(point.onTimeRate)).join('、')}`)
    .join('；')}；逾期件数合计依次为${trend.totals.map((point) => point.overdue).join('、')}。`;
  const option = useMemo((): ChartOption => ({
    textStyle: { fontFamily: FONT },
    animation: false,
    color: SERIES_COLOURS,
    grid: { left: 8, right: 8, top: 36, bottom: 44, containLabel: true },
    legend: { type: 'scroll', bottom: 0, left: 0, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    // Two lines per label (2026年 / 第3季度), so every period is named even in a half-width card.
    xAxis: { type: 'category', data: labels, axisLabel: { color: '#1f2328', fontSize: 12, interval: 0, formatter: (value: string) => value.replace('年', '年\n') } },
    yAxis: [
      { type: 'value', name: '按时公开率', min: 0, max: 1, axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%`, color: '#57606a' } },
      { type: 'value', name: '逾期件数', minInterval: 1, splitLine: { show: false }, axisLabel: { color: '#57606a' } },
    ],
    series: [
      {
        name: '逾期件数（合计）',
        type: 'bar',
        yAxisIndex: 1,
        data: trend.totals.map((point) => point.overdue),
        itemStyle: { color: '#f0b4b4' },
        barMaxWidth: 28,
      },
      {
        name: '全县按时公开率',
        type: 'line',
        yAxisIndex: 0,
        symbolSize: 7,
        lineStyle: { width: 3, type: 'dashed' },
        itemStyle: { color: '#1f2328' },
        tooltip: { valueFormatter: (value) => percent(typeof value === 'number' ? value : null) },
        data: trend.totals.map((point) => point.onTimeRate),
      },
      ...departments.map(
        (department): LineSeriesOption => ({
          name: `${department.departmentName}按时公开率`,
          type: 'line',
          yAxisIndex: 0,
          connectNulls: false,
          tooltip: { valueFormatter: (value) => percent(typeof value === 'number' ? value : null) },
          symbolSize: 7,
          data: department.series.map((point) => point.onTimeRate),
        }),
      ),
    ],
  }), [trend]);
  return <EChart option={option} summary={summary} height={300} />;
}

export { percent as formatRate };
