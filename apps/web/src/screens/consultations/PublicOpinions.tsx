import { List, Space, Tag } from 'tdesign-react';
import { formatDate } from '../../format';
import type { PublicOpinion } from './consultation-types';

/** The opinions shown on the portal, each with its answer once the feedback is out. */
export function PublicOpinions({ opinions }: { opinions: PublicOpinion[] }) {
  if (!opinions.length) return <p className="muted">暂无公开的意见。意见经审核后显示。</p>;
  return (
    <List split>
      {opinions.map((opinion) => (
        <List.ListItem key={opinion.id}>
          <div>
            <p>
              {opinion.clause ? <strong>【{opinion.clause}】</strong> : null}
              {opinion.content}
            </p>
            <p className="muted">
              {opinion.authorName ?? '匿名'} · {formatDate(opinion.receivedAt)}
            </p>
            {opinion.adoptionLabel ? (
              <Space size="small">
                <Tag theme={opinion.adoptionLabel === '采纳' ? 'success' : 'default'}>{opinion.adoptionLabel}</Tag>
                {opinion.adoptionReason ? <span>理由：{opinion.adoptionReason}</span> : null}
              </Space>
            ) : null}
          </div>
        </List.ListItem>
      ))}
    </List>
  );
}
