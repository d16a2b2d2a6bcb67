import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Radio, Table, Tag, type PrimaryTableCol } from 'tdesign-react';
import { formatDateTime } from '../../format';
import { ActionFailure } from '../action-failure';
import { noticeKindLabel, noticeTarget, noticeText, type Notice } from './notice-target';
import { useMarkRead, useNotices } from './notifications-api';
import './notifications.css';

/** 通知: my notices, each leading to its task or the object it is about; reading one marks it read. */
export default function NotificationsScreen() {
  const [search, setSearch] = useSearchParams();
  const unreadOnly = search.get('show') === 'unread';
  const notices = useNotices(unreadOnly);
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unreadIds = (notices.data?.items ?? []).filter((notice) => !notice.readAt).map((notice) => notice.id);

  const open = (notice: Notice, target: string) => {
    if (!notice.readAt) markRead.mutate([notice.id]);
    navigate(target);
  };

  const columns: PrimaryTableCol<Notice>[] = [
    { colKey: 'createdAt', title: '时间', width: 150, cell: ({ row }) => formatDateTime(row.createdAt) },
    { colKey: 'kind', title: '类别', width: 110, cell: ({ row }) => <Tag variant="outline">{noticeKindLabel(row.kind)}</Tag> },
    {
      colKey: 'title',
      title: '内容',
      cell: ({ row }) => {
        const target = noticeTarget(row);
        return (
          <>
            {target ? (
              <Link to={target} onClick={(event) => { event.preventDefault(); open(row, target); }}>
                {noticeText(row.title, formatDateTime)}
              </Link>
            ) : (
              <strong>{noticeText(row.title, formatDateTime)}</strong>
            )}
            <p className="notice-body">{noticeText(row.body, formatDateTime)}</p>
          </>
        );
      },
    },
    {
      colKey: 'readAt',
      title: '状态',
      width: 90,
      cell: ({ row }) => (
        <Tag variant="light" className={row.readAt ? 'notice-state-read' : 'notice-state-unread'}>
          {row.readAt ? '已读' : '未读'}
        </Tag>
      ),
    },
    {
      colKey: 'action',
      title: '操作',
      width: 110,
      cell: ({ row }) =>
        row.readAt ? null : (
          <Button size="small" variant="text" theme="primary" onClick={() => markRead.mutate([row.id])} aria-label={`将“${row.title}”标为已读`}>
            标为已读
          </Button>
        ),
    },
  ];

  return (
    <section className="page staff-screen" aria-labelledby="notifications-title">
      <div className="page-head">
        <h1 id="notifications-title">通知</h1>
        <Button theme="default" variant="outline" disabled={unreadIds.length === 0 || markRead.isPending} onClick={() => markRead.mutate(unreadIds)}>
          全部标为已读
        </Button>
      </div>
      <p className="lead" role="status">
        {notices.data ? (notices.data.unread ? `共${notices.data.unread}条未读通知。` : '没有未读通知。') : ''}
      </p>
      <div role="group" aria-label="显示哪些通知" className="filter-bar">
        <Radio.Group variant="default-filled" value={unreadOnly ? 'unread' : 'all'} onChange={(value) => setSearch(value === 'unread' ? { show: 'unread' } : {})}>
          <Radio.Button value="all">全部</Radio.Button>
          <Radio.Button value="unread">未读</Radio.Button>
        </Radio.Group>
      </div>
      <ActionFailure error={notices.error ?? markRead.error} />
      <Table<Notice>
        rowKey="id"
        data={notices.data?.items ?? []}
        columns={columns}
        loading={notices.isLoading}
        empty={unreadOnly ? '没有未读通知。' : '还没有通知。'}
        rowClassName={({ row }) => (row.readAt ? '' : 'notice-unread')}
        rowAttributes={({ row }) => ({ 'data-notice-id': row.id })}
        pagination={{ defaultPageSize: 20, defaultCurrent: 1, total: notices.data?.items.length ?? 0 }}
        bordered
        className="staff-table"
      />
    </section>
  );
}
