import { Card, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime, PUBLICATION_STATUS_LABELS } from '../../format';
import type { ItemDetail } from '../../item-types';
import { CardTitle } from './CardTitle';

type Publication = ItemDetail['publications'][number];

const themeOf = (status: string) => (status === 'published' || status === 'withdrawn' ? 'success' : status === 'failed' ? 'danger' : 'warning');

const COLUMNS: PrimaryTableCol<Publication>[] = [
  { colKey: 'channel', title: '渠道' },
  {
    colKey: 'status',
    title: '状态',
    cell: ({ row }) => (
      <>
        <Tag theme={themeOf(row.status)} variant="light">{PUBLICATION_STATUS_LABELS[row.status] ?? '处理中'}</Tag>
        {row.confirmation ? (
          <div className="muted">
            {row.confirmation.byName}于{formatDateTime(row.confirmation.at)}确认{row.confirmation.action === 'posted' ? '张贴' : '撤下'}：{row.confirmation.note}
          </div>
        ) : null}
      </>
    ),
  },
  { colKey: 'at', title: '时间', width: 150, cell: ({ row }) => formatDateTime(row.at) },
];

/** 发布台账: each channel's release (or withdrawal), and who confirmed a manual channel. */
export function PublicationLedger({ publications }: { publications: readonly Publication[] }) {
  return (
    <Card title={<CardTitle id="ledger-title">发布台账</CardTitle>} className="item-ledger" bordered>
      <Table<Publication> rowKey="index" size="small" columns={COLUMNS} data={publications.map((p, index) => ({ ...p, index }))} empty="尚未发布。" />
    </Card>
  );
}
