import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Dialog, Space, Table, Tag, Textarea, type PrimaryTableCol } from 'tdesign-react';
import { formatDate } from '../../format';
import { ErrorBanner } from '../../ui';
import { consultationKeys, moderateComment } from './consultation-api';
import { COMMENT_STATE_LABELS, type StaffComment, type StaffConsultation } from './consultation-types';

const STATE_THEMES = { pending: 'primary', approved: 'success', rejected: 'default' } as const;

/** The opinions received, with who sent them and how to reach them; a pending one is shown (公开) or rejected with a reason. */
export function CommentModeration({ consultation }: { consultation: StaffConsultation }) {
  const queries = useQueryClient();
  const [rejecting, setRejecting] = useState<StaffComment | null>(null);
  const [reason, setReason] = useState('');
  const moderate = useMutation({
    mutationFn: ({ commentId, decision, why }: { commentId: string; decision: 'approve' | 'reject'; why?: string }) => moderateComment(consultation.id, commentId, { decision, ...(why ? { reason: why } : {}) }),
    onSuccess: (next) => {
      queries.setQueryData(consultationKeys.staff(consultation.id), next);
      void queries.invalidateQueries({ queryKey: consultationKeys.staffList });
      setRejecting(null);
      setReason('');
    },
  });
  const columns: PrimaryTableCol<StaffComment>[] = [
    {
      colKey: 'content',
      title: '意见',
      cell: ({ row }) => (
        <>
          {row.clause ? <strong>【{row.clause}】</strong> : null}
          {row.content}
        </>
      ),
    },
    { colKey: 'author', title: '提出人', width: 200, cell: ({ row }) => `${row.authorName ?? '匿名'}${row.contact ? ` · 联系方式：${row.contact}` : ''}` },
    { colKey: 'receivedAt', title: '收到日期', width: 140, cell: ({ row }) => formatDate(row.receivedAt) },
    {
      colKey: 'state',
      title: '状态',
      width: 160,
      cell: ({ row }) => (
        <Space size="small" breakLine>
          <Tag theme={STATE_THEMES[row.state]}>{COMMENT_STATE_LABELS[row.state]}</Tag>
          {row.rejectionReason ? <span>{row.rejectionReason}</span> : null}
          {row.adoptionLabel ? <Tag variant="outline">{row.adoptionLabel}</Tag> : null}
        </Space>
      ),
    },
    {
      colKey: 'operation',
      title: '审核',
      width: 150,
      cell: ({ row }) =>
        row.state === 'pending' ? (
          <Space size="small">
            <Button size="small" theme="primary" onClick={() => moderate.mutate({ commentId: row.id, decision: 'approve' })}>
              公开
            </Button>
            <Button size="small" variant="outline" onClick={() => setRejecting(row)}>
              驳回
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <section aria-labelledby="queue-title">
      <Card bordered title={<h2 id="queue-title" style={{ margin: 0 }}>公众意见（待审核 {consultation.pendingCount} 条）</h2>}>
        <ErrorBanner error={moderate.error} />
        <Table rowKey="id" columns={columns} data={consultation.comments} empty="尚未收到意见" pagination={{ defaultPageSize: 20, defaultCurrent: 1, total: consultation.comments.length, showJumper: false }} />
        <Dialog
          visible={rejecting !== null}
          header="驳回意见"
          confirmBtn={{ content: '驳回', theme: 'danger', disabled: !reason.trim(), loading: moderate.isPending }}
          cancelBtn="取消"
          onConfirm={() => rejecting && moderate.mutate({ commentId: rejecting.id, decision: 'reject', why: reason.trim() })}
          onClose={() => setRejecting(null)}
          destroyOnClose
        >
          <label htmlFor="reject-reason">驳回理由</label>
          <Textarea id="reject-reason" value={reason} onChange={(value) => setReason(String(value))} autosize={{ minRows: 3 }} />
        </Dialog>
        </Card>
    </section>
  );
}
