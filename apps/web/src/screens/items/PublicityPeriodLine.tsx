import { Tag } from 'tdesign-react';
import { formatDate } from '../../format';
import type { PublicityPeriodView } from '../../item-types';

/** 公示期：from the release day to its last day, and whether it has ended. */
export function PublicityPeriodLine({ period }: { period: PublicityPeriodView }) {
  return (
    <p className="meta" role="status">
      公示期：{formatDate(period.startsAt)} 至 {formatDate(period.endsAt)}{' '}
      <Tag theme={period.ended ? 'default' : 'success'} variant="light">
        {period.ended ? '公示期已结束' : '公示中'}
      </Tag>
    </p>
  );
}
