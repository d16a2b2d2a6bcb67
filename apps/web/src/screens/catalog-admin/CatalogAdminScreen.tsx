import '../staff-screens.css';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { Table, Tag } from 'tdesign-react';
import type { RouteParams } from '../../routes';
import { formatDateTime } from '../../format';
import { apiClient, bodyOf } from '../../openapi/client';
import { ErrorBanner } from '../../ui';
import { useStaffDirectory } from '../staff-directory';
import { catalogKeys, VERSION_STATE_LABELS, VERSION_STATE_THEMES } from './catalog-types';
import { ImportCatalog } from './ImportCatalog';
import { VersionDetail } from './VersionDetail';

/**
 * 目录管理 (admins): the catalog's versions, importing a new one with its report, and for the version opened
 * (/catalog-admin/<id>) its rows with hand-set rules, the diff against another version, and activation.
 */
export default function CatalogAdminScreen({ params }: { params: RouteParams }) {
  const navigate = useNavigate();
  const versions = useQuery({ queryKey: catalogKeys.versions, queryFn: () => bodyOf(apiClient.GET('/api/catalog/versions')).then((answer) => answer.items) });
  const directory = useStaffDirectory();
  const open = params.versionId;
  return (
    <section className="page" aria-labelledby="catalog-admin-title">
      <h1 id="catalog-admin-title">目录管理</h1>
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">目录版本</h2>
        <ErrorBanner error={versions.error} />
        <Table
          rowKey="id"
          className="catalog-versions"
          data={versions.data ?? []}
          loading={versions.isLoading}
          pagination={{ defaultPageSize: 5, total: versions.data?.length ?? 0 }}
          rowAttributes={({ row }) => ({ 'data-version-id': row.id })}
          columns={[
            { colKey: 'label', title: '版本名称', cell: ({ row }) => <Link to={`/catalog-admin/${row.id}`}>{row.label ?? '未命名版本'}</Link> },
            { colKey: 'state', title: '状态', cell: ({ row }) => <Tag theme={VERSION_STATE_THEMES[row.state]}>{VERSION_STATE_LABELS[row.state]}</Tag> },
            { colKey: 'created', title: '导入', cell: ({ row }) => `${directory.person(row.createdBy)} · ${formatDateTime(row.createdAt)}` },
            { colKey: 'activated', title: '启用', cell: ({ row }) => (row.activatedAt ? `${directory.person(row.activatedBy)} · ${formatDateTime(row.activatedAt)}` : '—') },
          ]}
        />
      </section>
      {open && versions.data ? <VersionDetail key={open} id={open} versions={versions.data} departmentNames={directory.unitNames} person={directory.person} /> : null}
      <ImportCatalog onImported={(versionId) => navigate(`/catalog-admin/${versionId}`)} />
    </section>
  );
}
