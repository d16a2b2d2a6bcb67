import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'tdesign-react';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner, Loading } from '../../ui';
import { useLocalTable } from '../table-state';
import { fieldLabel, fieldValue, rowName } from './catalog-words';
import { catalogKeys } from './catalog-types';

interface DiffLine {
  key: string;
  code: string;
  change: 'added' | 'removed' | 'changed';
  field: string;
  from: string;
  to: string;
}

const lineValue = (line: DiffLine, key: string) => (key === 'change' ? line.change : line.code);

const CHANGE_TAGS = {
  added: <Tag theme="success">新增</Tag>,
  removed: <Tag theme="danger">删除</Tag>,
  changed: <Tag theme="warning">修改</Tag>,
};

/** What changes from version `from` to version `to` (动态调整): rows added and removed, and each changed field. */
export function VersionDiff({ from, to, departmentNames }: { from: string; to: string; departmentNames: Map<string, string> }) {
  const diff = useQuery({
    queryKey: catalogKeys.diff(from, to),
    queryFn: () => bodyOf(apiClient.GET('/api/catalog/versions/{a}/diff/{b}', { params: { path: { a: from, b: to } } })),
  });
  const value = (field: string, raw: unknown) =>
    field === 'departmentCodes' && Array.isArray(raw) ? (raw.length ? raw.map((code) => departmentNames.get(String(code)) ?? String(code)).join('、') : '（空）') : fieldValue(field, raw);
  const data = diff.data ?? { added: [], removed: [], changed: [] };
  const lines: DiffLine[] = [
    ...data.added.map((row) => ({ key: `+${row.code}`, code: row.code, change: 'added' as const, field: rowName(row), from: '—', to: `${row.area} · ${row.timeLimit.text}` })),
    ...data.removed.map((row) => ({ key: `-${row.code}`, code: row.code, change: 'removed' as const, field: rowName(row), from: `${row.area} · ${row.timeLimit.text}`, to: '—' })),
    ...data.changed.flatMap((row) =>
      row.changes.map((change) => ({ key: `~${row.code}.${change.field}`, code: row.code, change: 'changed' as const, field: fieldLabel(change.field), from: value(change.field, change.from), to: value(change.field, change.to) })),
    ),
  ];
  const table = useLocalTable(lines, lineValue);
  if (!diff.data) return diff.error ? <ErrorBanner error={diff.error} /> : <Loading />;
  return (
    <>
      <p className="diff-summary">
        新增 {diff.data.added.length} 项，删除 {diff.data.removed.length} 项，修改 {diff.data.changed.length} 项。
      </p>
      <Table
        rowKey="key"
        className="version-diff"
        empty="两个版本内容相同"
        pagination={{ defaultPageSize: 10, total: table.data.length }}
        {...table}
        columns={[
          { colKey: 'code', title: '事项编码', width: 130 },
          { colKey: 'change', title: '变化', width: 110, cell: ({ row }) => CHANGE_TAGS[row.change], filter: { type: 'single', list: [{ value: 'added', label: '新增' }, { value: 'removed', label: '删除' }, { value: 'changed', label: '修改' }] } },
          { colKey: 'field', title: '事项或字段' },
          { colKey: 'from', title: '原内容' },
          { colKey: 'to', title: '新内容' },
        ]}
      />
    </>
  );
}
