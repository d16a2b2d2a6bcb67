import { endOfChinaDay, isLocalDate } from '@zwgk/domain';
import { ApiError } from '../common/api-error';

/**
 * A period filter as instants. A bare date means the whole China day (from its start, to its end), which is
 * what a supervisor means by "from 3 March to 5 March"; a full ISO instant is taken as given.
 */
export function parsePeriod(from: string | undefined, to: string | undefined): { from?: Date; to?: Date } {
  const start = from === undefined ? undefined : isLocalDate(from) ? new Date(endOfChinaDay(from).getTime() + 1 - 86_400_000) : new Date(from);
  const end = to === undefined ? undefined : isLocalDate(to) ? endOfChinaDay(to) : new Date(to);
  if (start && Number.isNaN(start.getTime())) throw ApiError.invalid('from', 'is not a date or an ISO 8601 instant');
  if (end && Number.isNaN(end.getTime())) throw ApiError.invalid('to', 'is not a date or an ISO 8601 instant');
  if (start && end && start > end) throw ApiError.invalid('to', 'must not be before from');
  return { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) };
}
