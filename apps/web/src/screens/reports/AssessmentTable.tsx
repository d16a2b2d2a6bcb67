import { useState } from 'react';
import { Table, type PrimaryTableCol, type TableSort } from 'tdesign-react';
import { number, percent, satisfactionText, type DepartmentAssessment, type Satisfaction } from './assessment-model';

/** Sorts by a figure, a department without one ("—") last either way. */
const byFigure = (figure: (row: DepartmentAssessment) => number | null | undefined) => (a: DepartmentAssessment, b: DepartmentAssessment) => (figure(a) ?? -1) - (figure(b) ?? -1);

const satisfactionCell = (figure: Satisfaction | undefined) => (
  <>
    {satisfactionText(figure)}
    <span className="muted cell-sub">{figure?.ratings ?? 0} 人评价</span>
  </>
);

const COLUMNS: PrimaryTableCol<DepartmentAssessment>[] = [
  { colKey: 'departmentName', title: '部门', fixed: 'left', width: 140 },
  {
    colKey: 'release',
    title: '主动公开',
    children: [
      { colKey: 'release.due', title: '应公开 / 按时', cell: ({ row }) => `${row.release.due} / ${row.release.onTime}` },
      { colKey: 'release.onTimeRate', title: '按时公开率', sorter: byFigure((row) => row.release.onTimeRate), cell: ({ row }) => percent(row.release.onTimeRate) },
      { colKey: 'release.delay', title: '延迟中位数 / P90（工作日）', cell: ({ row }) => `${number(row.release.medianDelayWorkingDays)} / ${number(row.release.p90DelayWorkingDays)}` },
    ],
  },
  {
    colKey: 'interpretation',
    title: '政策解读',
    children: [
      { colKey: 'interpretation.coverage', title: '覆盖率', sorter: byFigure((row) => row.interpretation.coverage), cell: ({ row }) => percent(row.interpretation.coverage) },
      { colKey: 'interpretation.timelinessRate', title: '及时率', sorter: byFigure((row) => row.interpretation.timelinessRate), cell: ({ row }) => percent(row.interpretation.timelinessRate) },
    ],
  },
  {
    colKey: 'concerns',
    title: '回应关切',
    children: [
      { colKey: 'concerns.answered', title: '回应数', sorter: byFigure((row) => row.concerns.answered) },
      { colKey: 'concerns.timelinessRate', title: '及时率', sorter: byFigure((row) => row.concerns.timelinessRate), cell: ({ row }) => percent(row.concerns.timelinessRate) },
    ],
  },
  { colKey: 'returns.perItem', title: '件均退回', sorter: byFigure((row) => row.returns.perItem), cell: ({ row }) => number(row.returns.perItem, 2) },
  {
    colKey: 'satisfaction',
    title: '公众满意度（5分制）',
    children: [
      { colKey: 'satisfaction.items', title: '公开事项', sorter: byFigure((row) => row.satisfaction?.items.average), cell: ({ row }) => satisfactionCell(row.satisfaction?.items) },
      { colKey: 'satisfaction.responses', title: '回应', sorter: byFigure((row) => row.satisfaction?.responses.average), cell: ({ row }) => satisfactionCell(row.satisfaction?.responses) },
    ],
  },
];

/** One row per department (TDesign Table, grouped headers); every rate sorts, so the weakest comes to the top. */
export function AssessmentTable({ departments }: { departments: DepartmentAssessment[] }) {
  const [sort, setSort] = useState<TableSort>();
  return <Table<DepartmentAssessment> className="assessment-table" rowKey="departmentCode" size="small" bordered columns={COLUMNS} data={departments} sort={sort} onSortChange={setSort} empty="本期间没有部门数据" />;
}
