import '../staff-screens.css';
import { Tag } from 'tdesign-react';
import { STATE_LABELS } from '../../format';

const THEMES: Record<string, 'default' | 'primary' | 'warning' | 'danger' | 'success'> = {
  DRAFT: 'default',
  IN_REVIEW: 'primary',
  RETURNED: 'warning',
  REJECTED: 'danger',
  APPROVED: 'primary',
  RELEASED: 'success',
  WITHDRAWN: 'default',
};

/** An item's state as a tag: returned in yellow, rejected in red, released in green. */
export function ItemStateTag({ state }: { state: string }) {
  return (
    <Tag theme={THEMES[state] ?? 'default'} variant="light" data-state={state}>
      {STATE_LABELS[state] ?? '处理中'}
    </Tag>
  );
}
