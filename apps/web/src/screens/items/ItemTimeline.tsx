import { Card, Timeline } from 'tdesign-react';
import { actionLabel, formatDateTime } from '../../format';
import type { ItemDetail } from '../../item-types';
import { CardTitle } from './CardTitle';

type TimelineEvent = ItemDetail['timeline'][number];

const dotColorOf = (event: TimelineEvent) => (event.decision === 'return' || event.decision === 'reject' ? 'warning' : event.action.includes('released') ? 'success' : 'primary');

/** 办理过程: who did what when, with the reviewer's comment and the file an attachment event names. */
export function ItemTimeline({ events }: { events: readonly TimelineEvent[] }) {
  return (
    <Card title={<CardTitle id="timeline-title">办理过程</CardTitle>} className="item-timeline" bordered>
      <Timeline mode="same">
        {events.map((event, index) => (
          <Timeline.Item key={index} dotColor={dotColorOf(event)} label={<time dateTime={event.at}>{formatDateTime(event.at)}</time>}>
            <strong>{actionLabel(event.action)}</strong> · {event.actorName === 'system' ? '系统' : event.actorName}
            {event.reason ? <p className="muted">意见：{event.reason}</p> : null}
            {event.action.startsWith('attachment.') && typeof event.detail.fileName === 'string' ? <p className="muted">{event.detail.fileName}</p> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
