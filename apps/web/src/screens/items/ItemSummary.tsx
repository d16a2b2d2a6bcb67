import { Descriptions } from 'tdesign-react';
import { formatDate, formatDateTime } from '../../format';
import { clockStartLabel, elementsOf, type ItemDetail } from '../../item-types';

/** Who drafted the item under which catalog row, from which date, in which revision, and when it is due. */
export function ItemSummary({ item }: { item: ItemDetail }) {
  const timeLimit = item.catalogItem.timeLimit;
  return (
    <Descriptions
      className="item-summary"
      column={3}
      tableLayout="auto"
      items={[
        { label: '目录事项', content: item.catalogItem.name ?? item.catalogItem.code },
        { label: '起草人', content: item.drafter },
        { label: '稿次', content: `第 ${item.revision} 稿` },
        { label: timeLimit?.clockStart ? clockStartLabel(timeLimit) : '形成日期', content: formatDate(item.formedAt) },
        { label: '发布时限', content: item.releaseDueAt ? formatDateTime(item.releaseDueAt) : '—' },
        { label: '发布时间', content: item.releasedAt ? formatDateTime(item.releasedAt) : '—' },
      ]}
    />
  );
}

/** 正文与目录要素: the body as drafted, and the six elements of the catalog row. */
export function ItemBody({ item }: { item: ItemDetail }) {
  const elements = elementsOf(item.catalogItem);
  return (
    <>
      <div className="body-text">{item.body}</div>
      <Descriptions
        bordered
        column={1}
        items={[
          { label: '公开事项名称', content: elements.name },
          { label: '公开依据', content: elements.basis || '—' },
          { label: '公开内容（要素）', content: elements.content || '—' },
          { label: '公开主体', content: elements.subject || '—' },
          { label: '公开时限', content: elements.timeLimit || '—' },
          { label: '公开方式', content: elements.mode || '—' },
        ]}
      />
    </>
  );
}
