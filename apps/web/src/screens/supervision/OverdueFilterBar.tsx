import type { ReactNode } from 'react';
import { Button, DatePicker, Select, Space } from 'tdesign-react';
import { Labelled as LabelledControl } from '../labelled-control';
import type { FilterOptions, OverdueFilters } from './supervision-api';

export const KIND_LABELS = { statutory: '法定时限', sla: '内部时限' } as const;

type Option = { value: string; label: string };

/** The choices of each select filter, from the API's filter options. */
export function filterChoices(options: FilterOptions | undefined): Record<'departmentCode' | 'area' | 'stage' | 'kind' | 'leader', Option[]> {
  return {
    departmentCode: options?.departments.map((d) => ({ value: d.code, label: d.name })) ?? [],
    area: options?.areas.map((a) => ({ value: a, label: a })) ?? [],
    stage: options?.stages.map((s) => ({ value: s.stage, label: s.label })) ?? [],
    kind: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })),
    leader: options?.leaders.map((l) => ({ value: l.username, label: l.displayName })) ?? [],
  };
}

const SELECTS = [
  ['departmentCode', '部门'],
  ['area', '领域'],
  ['stage', '环节'],
  ['kind', '逾期类型'],
  ['leader', '分管领导'],
] as const;

/**
 * The overdue list's filters: department, area, stage, kind, leader and the due-date range. A change applies
 * at once (list, charts and exports follow), so there is no submit button, only 清除筛选.
 */
export function OverdueFilterBar(props: { filters: OverdueFilters; options: FilterOptions | undefined; loading: boolean; active: boolean; onChange: (key: keyof OverdueFilters, value: string) => void; onClear: () => void }) {
  const choices = filterChoices(props.options);
  return (
    <div className="card" role="search" aria-label="筛选条件">
      <Space breakLine align="end" size={[16, 12]}>
        {SELECTS.map(([key, label]) => (
          <Labelled key={key} id={`f-${key}`} label={label}>
            <Select
              value={props.filters[key] ?? ''}
              onChange={(value) => props.onChange(key, String(value ?? ''))}
              options={[{ value: '', label: '全部' }, ...choices[key]]}
              placeholder="全部"
              loading={props.loading && key !== 'kind'}
              filterable={key !== 'kind'}
              style={{ width: 150 }}
            />
          </Labelled>
        ))}
        <Labelled id="f-from" label="截止日期自">
          <DatePicker value={props.filters.from ?? ''} onChange={(value) => props.onChange('from', String(value ?? ''))} clearable placeholder="不限" style={{ width: 150 }} />
        </Labelled>
        <Labelled id="f-to" label="至">
          <DatePicker value={props.filters.to ?? ''} onChange={(value) => props.onChange('to', String(value ?? ''))} clearable placeholder="不限" style={{ width: 150 }} />
        </Labelled>
        <Button variant="outline" onClick={props.onClear} disabled={!props.active}>
          清除筛选
        </Button>
      </Space>
    </div>
  );
}

/** A filter's visible label above its TDesign control, tied to the control's own input. */
function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="control-label">
        {label}
      </label>
      <LabelledControl id={id}>{children as Parameters<typeof LabelledControl>[0]['children']}</LabelledControl>
    </div>
  );
}
