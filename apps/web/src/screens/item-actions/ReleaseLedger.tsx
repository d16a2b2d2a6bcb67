import { useState } from 'react';
import { Button, Space, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { ActionFailure } from '../action-failure';
import { ConfirmChannelDialog } from './ConfirmChannelDialog';
import { useItemActions, type ActionItem } from './item-actions-api';
import { LedgerPhoto } from './LedgerPhoto';

type Row = ActionItem['publications'][number] & { key: string };

const KIND_LABELS: Record<string, string> = { website: '政府网站', 'new-media': '政务新媒体', gazette: '政府公报', 'notice-board': '公示栏', manual: '人工发布' };
const STATUS: Record<string, { label: string; theme: 'success' | 'warning' | 'danger' | 'default' }> = {
  published: { label: '已发布', theme: 'success' },
  withdrawn: { label: '已撤下', theme: 'default' },
  'manual-required': { label: '需人工办理', theme: 'warning' },
  failed: { label: '发布失败', theme: 'danger' },
};

/** A channel a person posts on and takes down (公示栏, 办事大厅…): the workflow's rule, mirrored. */
const isManual = (row: Row) => row.kind === 'notice-board' || row.kind === 'manual' || row.status === 'manual-required';

/** What a person still has to do about one ledger row, if anything. */
function followUp(row: Row): string {
  if (row.confirmation) {
    const what = row.confirmation.action === 'posted' ? '确认张贴' : '确认撤下';
    return `${row.confirmation.byName}于${formatDateTime(row.confirmation.at)}${what}：${row.confirmation.note}`;
  }
  if (row.status === 'failed') return '渠道拒收，需重新发布。';
  if (row.status === 'manual-required') return row.action === 'withdraw' ? '需专人撤下（如公示栏、办事大厅）。' : '需专人张贴或发布（如办事大厅、公开查阅点）。';
  // The engine writes the notice board's printable notice (and records its withdrawal); a person posts and removes it.
  if (row.kind === 'notice-board' && row.action === 'withdraw') return '请到公示栏撤下已张贴的公告。';
  if (row.kind === 'notice-board' && row.status === 'published') return '公告已生成，请打印后到公示栏张贴。';
  return '—';
}

/**
 * 发布台账: every channel's release and withdrawal of every edition, with what is left for a person to do; who
 * may work the ledger retries a failed channel and confirms a manual one posted or taken down.
 */
export function ReleaseLedger({ item, canWork = false, onDone = () => undefined }: { item: ActionItem; canWork?: boolean; onDone?: (message: string) => void }) {
  const { retryChannel } = useItemActions(item.id);
  const [confirming, setConfirming] = useState<Row | null>(null);
  const rows: Row[] = item.publications.map((publication, index) => ({ ...publication, key: `${publication.revision}-${publication.action}-${publication.channel}-${index}` }));
  // Only the latest row of each channel and action can still be retried or confirmed.
  const latest = new Set(rows.map((row) => `${row.action}:${row.channel}`).map((key) => rows.filter((row) => `${row.action}:${row.channel}` === key).reduce((a, b) => (b.revision > a.revision ? b : a)).key));
  const retry = (row: Row) =>
    retryChannel.mutate(row.channel, {
      onSuccess: (result) => {
        const status = (result as { status?: string }).status;
        if (status === 'failed') onDone(`“${row.channel}”仍然拒收，请查明原因后再试。`);
        else if (status === 'manual-required') onDone(`“${row.channel}”未配置自动发布，已记为需专人发布。`);
        else onDone(`已在“${row.channel}”重新发布。`);
      },
    });
  const actionOf = (row: Row) => {
    if (!canWork || !latest.has(row.key)) return null;
    if (row.status === 'failed' && row.action === 'publish' && item.state === 'RELEASED') {
      return (
        <Button size="small" theme="primary" variant="outline" loading={retryChannel.isPending && retryChannel.variables === row.channel} onClick={() => retry(row)}>
          重新发布
        </Button>
      );
    }
    if (isManual(row) && row.status !== 'failed' && !row.confirmation && (row.action === 'withdraw' || item.state === 'RELEASED')) {
      return (
        <Button size="small" theme="primary" variant="outline" onClick={() => setConfirming(row)}>
          {row.action === 'withdraw' ? '确认撤下' : '确认张贴'}
        </Button>
      );
    }
    return null;
  };
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
    {
      colKey: 'followUp',
      title: '后续事项',
      cell: ({ row }) => (
        <Space size="small" align="center" breakLine>
          <span>{followUp(row)}</span>
          {row.confirmation?.photoAttachmentId ? <LedgerPhoto itemId={item.id} photoId={row.confirmation.photoAttachmentId} channel={row.channel} /> : null}
          {actionOf(row)}
        </Space>
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="ledger-actions-title">
      <h2 id="ledger-actions-title">发布台账</h2>
      <ActionFailure error={retryChannel.error} />
      <Table<Row> rowKey="key" data={rows} columns={columns} empty="尚未发布。" rowAttributes={({ row }) => ({ 'data-channel': row.channel, 'data-status': row.status })} bordered className="staff-table" />
      {confirming ? <ConfirmChannelDialog key={confirming.key} item={item} row={confirming} onClose={() => setConfirming(null)} onDone={onDone} /> : null}
    </section>
  );
}
