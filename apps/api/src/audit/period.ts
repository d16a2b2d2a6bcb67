import { endOfChinaDay, isLocalDate } from '@zwgk/domain';
import { ApiError } from '../common/api-error';

/**
 * A period filter as instants. A bare date means the whole China day (from its start, to its end), which is
 * what a supervisor means by "from 3 March to 5 March"; a full ISO instant is taken as given.
 */
export function parsePeriod(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  const start = from === undefined ? undefined : isLocalDate(from) ? new Date(endOfChinaDay(from).getTime() + 1 - 86_400_000) : new Date(from);
  const end = to === undefined ? undefined : isLocalDate(to) ? endOfChinaDay(to) : new Date(to);
  if (start && Number.isNaN(start.getTime())) throw ApiError.invalid('from', '开始时间（from）须为日期或 ISO 8601 时间');
  if (end && Number.isNaN(end.getTime())) throw ApiError.invalid('to', '结束时间（to）须为日期或 ISO 8601 时间');
  if (start && end && start > end) throw ApiError.invalid('to', '结束时间（to）不能早于开始时间（from）');
  return { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) };
}
