import { Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime } from '../../format';
import type { ActionItem } from './item-actions-api';

type Row = ActionItem['publications'][number] & { key: string };

const KIND_LABELS: Record<string, string> = { website: '政府网站', 'new-media': '政务新媒体', gazette: '政府公报', 'notice-board': '公示栏', manual: '人工发布' };
const STATUS: Record<string, { label: string; theme: 'success' | 'warning' | 'danger' | 'default' }> = {
  published: { label: '已发布', theme: 'success' },
  withdrawn: { label: '已撤下', theme: 'default' },
  'manual-required': { label: '需人工办理', theme: 'warning' },
  failed: { label: '发布失败', theme: 'danger' },
};

/** What a person still has to do about one ledger row, if anything. */
function followUp(row: Row): string {
  if (row.status === 'failed') return '渠道拒收。需重新发布：页面重试尚未开通，请联系系统管理员处理。';
  if (row.status === 'manual-required') return row.action === 'withdraw' ? '需专人撤下（如公示栏、办事大厅）。' : '需专人张贴或发布（如办事大厅、公开查阅点）。';
  // The engine writes the notice board's printable notice (and records its withdrawal); a person posts and removes it.
  if (row.kind === 'notice-board' && row.action === 'withdraw') return '请到公示栏撤下已张贴的公告。';
  if (row.kind === 'notice-board' && row.status === 'published') return '公告已生成，请打印后到公示栏张贴。';
  return '—';
}

/** 发布台账: every channel's release and withdrawal of every edition, with what is left for a person to do. */
export function ReleaseLedger({ item }: { item: ActionItem }) {
  const rows: Row[] = item.publications.map((publication, index) => ({ ...publication, key: `${publication.revision}-${publication.action}-${publication.channel}-${index}` }));
  const columns: PrimaryTableCol<Row>[] = [
    { colKey: 'channel', title: '渠道', cell: ({ row }) => row.channel },
    { colKey: 'kind', title: '渠道类型', width: 110, cell: ({ row }) => KIND_LABELS[row.kind] ?? '其他' },
    { colKey: 'action', title: '操作', width: 80, cell: ({ row }) => (row.action === 'withdraw' ? '撤下' : '发布') },
    { colKey: 'revision', title: '稿次', width: 70, cell: ({ row }) => `第${row.revision}稿` },
    {
      colKey: 'status',
      title: '状态',
      width: 120,
      cell: ({ row }) => {
        const status = STATUS[row.status] ?? { label: '待发布', theme: 'default' as const };
        return (
          <Tag theme={status.theme} variant="light" className={`ledger-tag ledger-${row.status}`}>
            {status.label}
          </Tag>
        );
      },
    },
    { colKey: 'at', title: '时间', width: 150, cell: ({ row }) => formatDateTime(row.at) },
    { colKey: 'followUp', title: '后续事项', cell: ({ row }) => followUp(row) },
  ];
  return (
    <section className="card" aria-labelledby="ledger-actions-title">
      <h2 id="ledger-actions-title">发布台账</h2>
      <Table<Row> rowKey="key" data={rows} columns={columns} empty="尚未发布。" rowAttributes={({ row }) => ({ 'data-channel': row.channel, 'data-status': row.status })} bordered className="staff-table" />
    </section>
  );
}
