import { useEffect, useState } from 'react';

/** Where a clock stands: met in time or late, overdue, due soon, or running with time to spare. */
export type ClockState = 'met' | 'met-late' | 'overdue' | 'due-soon' | 'ok';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * The state of one clock at `now`. "Due soon" is the last fifth of the limit, at most a day: the last hour of
 * a 5-hour limit, the last 9.6 hours of 48 hours, the last day of a working-day limit; so a short clock turns
 * amber late enough to mean something and a long one early enough to act.
 */
export function clockStateOf(clock: { dueAt: string; overdue: boolean; metAt?: string | null }, receivedAt: string, now: number): ClockState {
  const due = Date.parse(clock.dueAt);
  if (clock.metAt) return Date.parse(clock.metAt) <= due ? 'met' : 'met-late';
  if (clock.overdue || due <= now) return 'overdue';
  const soonWindow = Math.min(24 * HOUR, 0.2 * Math.max(0, due - Date.parse(receivedAt)));
  return due - now <= soonWindow ? 'due-soon' : 'ok';
}

/** "2天3小时", "3小时12分", "45分钟": a span for people, to the minute. */
export function spanText(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / MINUTE));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return rest > 0 ? `${hours}小时${rest}分` : `${hours}小时`;
  return `${rest}分钟`;
}

/** What the clock's tag says. */
export function clockText(state: ClockState, dueAt: string, now: number): string {
  const left = Date.parse(dueAt) - now;
  switch (state) {
    case 'met':
      return '已按时办结';
    case 'met-late':
      return '超时办结';
    case 'overdue':
      return `已超时${spanText(-left)}`;
    case 'due-soon':
      return `即将到期，剩余${spanText(left)}`;
    case 'ok':
      return `剩余${spanText(left)}`;
  }
}

/** The current time, renewed every half minute, so the clocks on a screen move while it is open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
