import { useState } from 'react';
import { Link } from 'react-router';
import { List, Radio, Space, Tag } from 'tdesign-react';
import { formatDate } from '../../format';
import { ErrorBanner, Loading } from '../../ui';
import { usePublicConsultations } from './consultation-api';

/** The consultations open now, or those that ended (with their feedback once published). */
export function PublicConsultationList() {
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = usePublicConsultations(status);
  return (
    <section className="page" aria-labelledby="consultations-title">
      <p className="breadcrumb">
        <Link to="/public">政府信息公开</Link> › 意见征集
      </p>
      <h1 id="consultations-title">意见征集</h1>
      <p className="muted">政策文件、规划和重大行政决策在作出前公开征求意见。征集结束后，承办部门公布意见采纳情况。</p>
      <Radio.Group variant="outline" value={status} onChange={(value) => setStatus(value as 'open' | 'closed')} aria-label="征集状态" style={{ margin: '12px 0' }}>
        <Radio.Button value="open">正在征集</Radio.Button>
        <Radio.Button value="closed">已结束</Radio.Button>
      </Radio.Group>
      <ErrorBanner error={list.error} />
      {!list.data ? (
        list.error ? null : <Loading />
      ) : list.data.length === 0 ? (
        <p className="empty">{status === 'open' ? '目前没有正在征集意见的文件。' : '暂无已结束的意见征集。'}</p>
      ) : (
        <List split>
          {list.data.map((item) => (
            <List.ListItem key={item.id}>
              <List.ListItemMeta
                title={
                  <Link to={`/public/consultations/${item.id}`} className="public-title">
                    {item.title}
                  </Link>
                }
                description={
                  <Space size="small" breakLine>
                    <Tag variant="outline">{item.kindLabel}</Tag>
                    <span>
                      {item.departmentName} · 征集期 {formatDate(item.openedAt)} 至 {formatDate(`${item.closesOn}T12:00:00+08:00`)}
                    </span>
                    {item.daysLeft > 0 ? <strong>剩余{item.daysLeft}天</strong> : <Tag theme={item.feedbackPublished ? 'success' : 'default'}>{item.stateLabel}</Tag>}
                    <span>已公开意见{item.commentCount}条</span>
                  </Space>
                }
              />
            </List.ListItem>
          ))}
        </List>
      )}
    </section>
  );
}
