import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, Col, Row, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { download } from '../../api';
import { ErrorBanner, Field } from '../../ui';
import { useLocalTable } from '../table-state';
import { DEMAND_TAG_THEMES } from './application-demands';
import { useApplications, type ApplicationRow } from './application-queries';

const OVERDUE_FILTER = [
  { value: 'overdue', label: '已逾期' },
  { value: 'on-time', label: '未逾期' },
];

/**
 * 依申请公开 for staff: every application, overdue first then by due date, filtered by state and overdue, and found
 * across every page by its 查询号 or the applicant's name.
 */
export function ApplicationList() {
  const applications = useApplications();
  const [exportError, setExportError] = useState<unknown>(null);
  const [keyword, setKeyword] = useState('');
  const ordered = useMemo(() => {
    const words = keyword.trim().toUpperCase();
    return (applications.data ?? [])
      .filter((row) => !words || row.queryNumber.toUpperCase().includes(words) || (row.applicant.name ?? '').includes(keyword.trim()))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  }, [applications.data, keyword]);
  const valueOf = useCallback((row: ApplicationRow, key: string) => {
    if (key === 'state') return row.state;
    if (key === 'overdue') return row.overdue ? 'overdue' : 'on-time';
    if (key === 'due') return row.clockStopped ? '9999' : (row.dueDate ?? '9999');
    return row.queryNumber;
  }, []);
  const table = useLocalTable(ordered, valueOf);
  const states = [...new Map(ordered.map((row) => [row.state, row.stateLabel])).entries()].map(([value, label]) => ({ value, label }));
  const columns: PrimaryTableCol<ApplicationRow>[] = [
    { colKey: 'queryNumber', title: '查询号', sorter: true, width: 200, cell: ({ row }) => <Link to={`/applications/${row.id}`}>{row.queryNumber}</Link> },
    { colKey: 'applicant', title: '申请人', cell: ({ row }) => row.applicant.name ?? '—' },
    { colKey: 'state', title: '状态', cell: ({ row }) => row.stateLabel, filter: { type: 'single', list: states, resetValue: undefined } },
    { colKey: 'due', title: '答复期限', sorter: true, cell: ({ row }) => (row.clockStopped ? '计时暂停' : (row.dueDate ?? '—')) },
    {
      colKey: 'overdue',
      title: '是否逾期',
      cell: ({ row }) => (row.overdue ? <Tag theme="danger">已逾期</Tag> : '—'),
      filter: { type: 'single', list: OVERDUE_FILTER, resetValue: undefined },
    },
    { colKey: 'department', title: '承办部门', cell: ({ row }) => row.handlingDepartmentCode ?? '—' },
    {
      colKey: 'demand',
      title: '督办',
      cell: ({ row }) => (row.demand ? <Tag theme={DEMAND_TAG_THEMES[row.demand.state]}>{row.demand.stateLabel}（{row.demand.dueDate}前）</Tag> : '—'),
    },
  ];
  return (
    <section aria-labelledby="applications-title">
      <Row justify="space-between" align="middle">
        <Col>
          <h1 id="applications-title">依申请公开</h1>
        </Col>
        <Col>
          <Button variant="outline" onClick={() => void download('/applications/export.xlsx', '依申请公开.xlsx').catch(setExportError)}>
            导出 Excel
          </Button>
        </Col>
      </Row>
      <ErrorBanner error={applications.error ?? exportError} />
      <Field id="application-keyword" label="按查询号或申请人查找">
        <input id="application-keyword" type="search" value={keyword} maxLength={100} onChange={(event) => setKeyword(event.target.value)} />
      </Field>
      <Table
        rowKey="id"
        columns={columns}
        loading={applications.isLoading}
        empty="暂无政府信息公开申请"
        pagination={{ defaultPageSize: 20, defaultCurrent: 1, total: table.data.length, showJumper: false }}
        rowAttributes={({ row }) => ({ 'data-application-id': row.id, 'data-overdue': String(row.overdue) })}
        {...table}
      />
    </section>
  );
}
