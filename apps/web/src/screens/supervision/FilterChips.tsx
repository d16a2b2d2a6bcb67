import { Space, Tag } from 'tdesign-react';
import { filterChoices } from './OverdueFilterBar';
import type { FilterOptions, OverdueFilters } from './supervision-api';

/** The stage bar of items not waiting in a review stage (the API's `outside-review`); the list filters it here. */
export const OUTSIDE_REVIEW = 'outside-review';

export interface Chip {
  key: keyof OverdueFilters | typeof OUTSIDE_REVIEW;
  label: string;
}

const PREFIXES: Record<keyof OverdueFilters, string> = { departmentCode: '部门', area: '领域', stage: '环节', kind: '类型', leader: '分管领导', from: '自', to: '至' };

/** The filters in force, in words, each removable on its own. */
export function filterChips(filters: OverdueFilters, outsideReview: boolean, options: FilterOptions | undefined): Chip[] {
  const choices = filterChoices(options);
  const chips: Chip[] = [];
  for (const key of Object.keys(PREFIXES) as (keyof OverdueFilters)[]) {
    const value = filters[key];
    if (!value) continue;
    if (key === 'from' || key === 'to') chips.push({ key, label: `${PREFIXES[key]} ${value}` });
    else chips.push({ key, label: `${PREFIXES[key]}：${choices[key].find((choice) => choice.value === value)?.label ?? value}` });
  }
  if (outsideReview) chips.push({ key: OUTSIDE_REVIEW, label: '环节：未在审核中' });
  return chips;
}

export function FilterChips({ chips, onRemove }: { chips: readonly Chip[]; onRemove: (chip: Chip) => void }) {
  if (!chips.length) return null;
  return (
    <div role="group" aria-label="当前筛选">
      <Space breakLine>
        {chips.map((chip) => (
          <Tag key={chip.key} theme="primary" variant="light-outline" closable onClose={() => onRemove(chip)} title={`取消筛选：${chip.label}`}>
            {chip.label}
          </Tag>
        ))}
      </Space>
    </div>
  );
}
