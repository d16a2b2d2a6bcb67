import { Link } from 'react-router';
import { Space, Tag, type PrimaryTableCol } from 'tdesign-react';
import type { MyItemView } from '../../item-types';
import { formatDateTime, STATE_LABELS } from '../../format';
import { ItemStateTag } from './ItemStateTag';

export const EDITABLE_STATES = ['DRAFT', 'RETURNED'];
const URGENCY = { overdue: { label: '已逾期', theme: 'danger' }, 'due-soon': { label: '即将到期', theme: 'warning' } } as const;

export const urgencyOfItem = (item: MyItemView) => (item.overdue ? 'overdue' : item.dueSoon ? 'due-soon' : 'normal');

/** The states the API filters the list on, in the order an item moves through them. */
const STATE_FILTER = ['DRAFT', 'IN_REVIEW', 'RETURNED', 'REJECTED', 'APPROVED', 'RELEASED', 'WITHDRAWN'].map((value) => ({ value, label: STATE_LABELS[value] ?? value }));

/** What a row sorts by: the title in pinyin order, the next deadline, the last change. */
export function sortValueOf(item: MyItemView, key: string): string {
  if (key === 'title') return item.title;
  if (key === 'nextDeadline') return item.nextDeadline?.dueAt ?? '9999';
  return item.updatedAt;
}

/** The columns of 我的事项; with the department's scope the drafter is named beside the title. */
export function myItemColumns(props: { me: string; department: boolean }): PrimaryTableCol<MyItemView>[] {
  return [
    {
      colKey: 'title',
      title: '标题',
      sorter: true,
      cell: ({ row }) => (
        <>
          <Link to={`/items/${row.id}`}>{row.title}</Link>
          {row.attachmentCount ? <span className="muted"> · 附件 {row.attachmentCount} 个</span> : null}
          {props.department ? <span className="muted"> · {row.drafter}</span> : null}
          {row.returnComment ? <p className="return-note">退回意见：{row.returnComment}</p> : null}
        </>
      ),
    },
    {
      colKey: 'state',
      title: '状态',
      width: 150,
      filter: { type: 'single', list: STATE_FILTER, resetValue: undefined, confirmEvents: ['onChange'] },
      cell: ({ row }) => (
        <Space size={4} breakLine>
          <ItemStateTag state={row.state} />
          <span className="muted">第 {row.revision} 稿</span>
        </Space>
      ),
    },
    {
      colKey: 'nextDeadline',
      title: '下一个时限',
      sorter: true,
      cell: ({ row }) => {
        if (!row.nextDeadline) return '—';
        const urgency = urgencyOfItem(row);
        return (
          <>
            {urgency !== 'normal' ? <Tag theme={URGENCY[urgency].theme} variant="light">{URGENCY[urgency].label}</Tag> : null} {row.nextDeadline.label} {formatDateTime(row.nextDeadline.dueAt)}
          </>
        );
      },
    },
    { colKey: 'updatedAt', title: '最近更新', sorter: true, width: 150, cell: ({ row }) => formatDateTime(row.updatedAt) },
    {
      colKey: 'actions',
      title: () => <span className="sr-only">操作</span>,
      width: 80,
      cell: ({ row }) =>
        EDITABLE_STATES.includes(row.state) && row.drafter === props.me ? (
          <Link className="button button-small" to={`/draft/${row.id}`} aria-label={`修改 ${row.title}`}>
            修改
          </Link>
        ) : null,
    },
  ];
}
