import { Tag } from 'tdesign-react';
import { clockStateOf, clockText, type ClockState } from './concern-clock';
import './concerns.css';

const THEME: Record<ClockState, 'success' | 'warning' | 'danger' | 'default'> = {
  ok: 'success',
  'due-soon': 'warning',
  overdue: 'danger',
  met: 'default',
  'met-late': 'danger',
};

/** One clock as a coloured tag: green with time to spare, amber when due soon, red when overdue. */
export function ConcernClock(props: { dueAt: string; overdue: boolean; metAt?: string | null; receivedAt: string; now: number }) {
  const state = clockStateOf(props, props.receivedAt, props.now);
  return (
    <Tag theme={THEME[state]} variant="light" className={`clock-tag clock-${state}`} data-clock={state}>
      {clockText(state, props.dueAt, props.now)}
    </Tag>
  );
}
