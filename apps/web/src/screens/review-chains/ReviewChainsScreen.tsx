import '../staff-screens.css';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, Table, Tag } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { apiClient, bodyOf, dataOf } from '../../openapi/client';
import { ErrorBanner, Loading } from '../../ui';
import { useStaffDirectory } from '../staff-directory';
import { ChainTree } from './ChainTree';
import { chainText, reviewChainKeys, STAGE_LABELS, type ReviewChainPolicy } from './review-chain-types';
import { SetChainForm } from './SetChainForm';

/** 审核流程 (admins): the review chain of each department and catalog row, as a tree and a list, and setting one. */
export default function ReviewChainsScreen() {
  const chains = useQuery({ queryKey: reviewChainKeys.all, queryFn: () => bodyOf(apiClient.GET('/api/review-chains')) });
  const directory = useStaffDirectory();
  const catalog = useQuery({
    queryKey: ['catalog', 'active-items'],
    queryFn: () => dataOf<{ items: { code: string; name: string }[] }>(apiClient.GET('/api/catalog/items', { params: { query: {} } })),
  });
  const [editing, setEditing] = useState<ReviewChainPolicy | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const rowNames = new Map((catalog.data?.items ?? []).map((row) => [row.code, row.name]));
  const departmentName = (code: string) => directory.unit(code);
  const rowName = (code: string) => (rowNames.has(code) ? `${rowNames.get(code)}（${code}）` : code);
  return (
    <section className="page" aria-labelledby="chains-title">
      <div className="page-head">
        <h1 id="chains-title">审核流程</h1>
        <Button theme="primary" onClick={() => setEditing('new')}>
          设置审核流程
        </Button>
      </div>
      {saved ? (
        <div className="banner banner-success" role="status">
          {saved}
        </div>
      ) : null}
      <ErrorBanner error={chains.error} />
      {!chains.data ? (
        chains.error ? null : <Loading />
      ) : (
        <>
          <section className="card" aria-labelledby="chain-tree-title">
            <h2 id="chain-tree-title">按部门和目录事项</h2>
            <p className="muted">更具体的设置优先：部门与事项均指定的 &gt; 仅指定事项的 &gt; 仅指定部门的 &gt; 全县默认。保密审查和签发不可省略。</p>
            <ChainTree chains={chains.data} departmentName={departmentName} rowName={rowName} />
          </section>
          <section className="card" aria-labelledby="chain-list-title">
            <h2 id="chain-list-title">已设置的审核流程</h2>
            <Table
              rowKey="id"
              className="chain-policies"
              data={chains.data.policies}
              empty="尚未单独设置，均按全县默认流程审核"
              pagination={{ defaultPageSize: 10, total: chains.data.policies.length }}
              rowAttributes={({ row }) => ({ 'data-policy-id': row.id })}
              columns={[
                { colKey: 'department', title: '适用部门', cell: ({ row }) => (row.departmentCode ? departmentName(row.departmentCode) : '所有部门') },
                { colKey: 'row', title: '适用目录事项', cell: ({ row }) => (row.catalogItemCode ? rowName(row.catalogItemCode) : '所有事项') },
                {
                  colKey: 'stages',
                  title: '审核环节',
                  cell: ({ row }) => (
                    <span className="chain-stages">
                      {row.stages.map((stage, index) => (
                        <span key={stage}>
                          {index ? ' → ' : ''}
                          <Tag theme={stage === 'confidentiality-review' ? 'danger' : 'primary'} variant="light">
                            {STAGE_LABELS[stage]}
                          </Tag>
                        </span>
                      ))}
                    </span>
                  ),
                },
                { colKey: 'updated', title: '设置', cell: ({ row }) => `${directory.person(row.updatedBy)} · ${formatDateTime(row.updatedAt)}` },
                {
                  colKey: 'operation',
                  title: '操作',
                  cell: ({ row }) => (
                    <Button variant="text" theme="primary" onClick={() => setEditing(row)} aria-label={`修改：${row.departmentCode ? departmentName(row.departmentCode) : '所有部门'} · ${row.catalogItemCode ? rowName(row.catalogItemCode) : '所有事项'}`}>
                      修改
                    </Button>
                  ),
                },
              ]}
            />
          </section>
        </>
      )}
      <Dialog visible={editing !== null} header={editing === 'new' ? '设置审核流程' : '修改审核流程'} footer={false} width={640} destroyOnClose onClose={() => setEditing(null)}>
        {editing !== null ? (
          <SetChainForm
            departments={directory.departments.filter((unit) => unit.active).map((unit) => ({ value: unit.code, label: unit.name }))}
            rows={(catalog.data?.items ?? []).map((row) => ({ value: row.code, label: `${row.name}（${row.code}）` }))}
            editing={editing === 'new' ? undefined : editing}
            onDone={(policy) => {
              setEditing(null);
              setSaved(`已保存：${policy.departmentCode ? departmentName(policy.departmentCode) : '所有部门'} · ${policy.catalogItemCode ? rowName(policy.catalogItemCode) : '所有事项'}：${chainText(policy.stages)}`);
            }}
          />
        ) : null}
      </Dialog>
    </section>
  );
}
