import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Select, Table, Tag } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner, Loading } from '../../ui';
import { Labelled } from '../labelled-control';
import { useLocalTable } from '../table-state';
import { ActivateVersion } from './ActivateVersion';
import { catalogKeys, VERSION_STATE_LABELS, VERSION_STATE_THEMES, type CatalogRowDetail, type CatalogVersionSummary } from './catalog-types';
import { HandSetRule } from './HandSetRule';
import { ImportReport } from './ImportReport';
import { VersionDiff } from './VersionDiff';

const rowValue = (row: CatalogRowDetail, key: string) => (key === 'area' ? row.area : key === 'manual' ? (row.timeLimit.rule.kind === 'manual' ? 'manual' : 'set') : row.code);

/** One version: its import report, its rows and their rules (set by hand while a draft), the diff, activation. */
export function VersionDetail({ id, versions, departmentNames, person }: { id: string; versions: CatalogVersionSummary[]; departmentNames: Map<string, string>; person: (username: string | null) => string }) {
  const loaded = useQuery({ queryKey: catalogKeys.version(id), queryFn: () => bodyOf(apiClient.GET('/api/catalog/versions/{id}', { params: { path: { id } } })) });
  const others = versions.filter((other) => other.id !== id);
  const active = versions.find((other) => other.state === 'active' && other.id !== id);
  const [compareWith, setCompareWith] = useState<string | undefined>(undefined);
  const base = compareWith ?? active?.id ?? others[0]?.id;
  const rows = useLocalTable(loaded.data?.items, rowValue, { sortBy: 'code', descending: false });
  const version = loaded.data;
  if (!version) return loaded.error ? <ErrorBanner error={loaded.error} /> : <Loading />;
  const draft = version.state === 'draft';
  const areas = [...new Set(version.items.map((row) => row.area))];
  return (
    <section className="card version-detail" aria-labelledby="version-title">
      <div className="page-head">
        <h2 id="version-title">
          {version.label ?? '未命名版本'} <Tag theme={VERSION_STATE_THEMES[version.state]}>{VERSION_STATE_LABELS[version.state]}</Tag>
        </h2>
        {draft ? <ActivateVersion version={version} manualLeft={version.manualRules.length} /> : null}
      </div>
      <p className="muted">
        {person(version.createdBy)} 导入于 {formatDateTime(version.createdAt)}
        {version.activatedAt ? `；${person(version.activatedBy)} 启用于 ${formatDateTime(version.activatedAt)}` : ''}；共 {version.items.length} 项。
      </p>
      {version.importReport ? <ImportReport report={{ ...version.importReport, manualRules: version.manualRules }} /> : null}

      <h3>目录事项与公开时限</h3>
      {draft && version.manualRules.length ? <p className="banner banner-warning">有 {version.manualRules.length} 项公开时限无法自动识别，请逐项设定后再启用。</p> : null}
      <Table
        rowKey="code"
        className="version-rows"
        columns={[
          { colKey: 'code', title: '编码', width: 130, sorter: true },
          { colKey: 'area', title: '领域', filter: { type: 'single', list: areas.map((area) => ({ value: area, label: area })) } },
          { colKey: 'name', title: '事项' },
          { colKey: 'text', title: '目录原文', cell: ({ row }) => row.timeLimit.text },
          {
            colKey: 'manual',
            title: '系统识别的时限',
            cell: ({ row }) => (row.timeLimit.rule.kind === 'manual' ? <Tag theme="danger">须手工设定</Tag> : row.timeLimit.description),
            filter: { type: 'single', list: [{ value: 'manual', label: '须手工设定' }, { value: 'set', label: '已识别或已设定' }] },
          },
          ...(draft ? [{ colKey: 'operation', title: '操作', cell: ({ row }: { row: CatalogRowDetail }) => <HandSetRule versionId={version.id} row={row} /> }] : []),
        ]}
        pagination={{ defaultPageSize: 10, total: rows.data.length }}
        rowAttributes={({ row }) => ({ 'data-code': row.code })}
        {...rows}
      />

      {base ? (
        <>
          <h3>版本差异</h3>
          <div className="field diff-base">
            <label htmlFor="diff-base">对比的版本</label>
            <Labelled id="diff-base">
              <Select
                value={base}
                onChange={(value) => setCompareWith(String(value))}
                options={others.map((other) => ({ value: other.id, label: `${other.label ?? '未命名版本'}（${VERSION_STATE_LABELS[other.state]}，${formatDateTime(other.createdAt)}）` }))}
              />
            </Labelled>
          </div>
          <VersionDiff key={base} from={base} to={version.id} departmentNames={departmentNames} />
        </>
      ) : null}
    </section>
  );
}
