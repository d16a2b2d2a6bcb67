import { useMemo, useState } from 'react';
import type { FilterValue, SortInfo, TableSort } from 'tdesign-react';

/** What a row offers the table's sorting and filters: the value it sorts or filters by, per column key. */
export type RowValue<T> = (row: T, key: string) => string | number | null | undefined;

/**
 * Sorting and column filters of a TDesign Table over rows already loaded (the lists here are a county's,
 * so they come whole): the table stays controlled, and the rows it shows are sorted and filtered here.
 * A filter matches a row when its value is one of those chosen (or equals the one chosen).
 */
export function useLocalTable<T>(rows: readonly T[] | undefined, valueOf: RowValue<T>, initialSort?: SortInfo) {
  const [sort, setSort] = useState<TableSort | undefined>(initialSort);
  const [filters, setFilters] = useState<FilterValue>({});
  const shown = useMemo(() => {
    const chosen = Object.entries(filters).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0));
    const kept = (rows ?? []).filter((row) =>
      chosen.every(([key, value]) => {
        const own = valueOf(row, key);
        return Array.isArray(value) ? (value as unknown[]).includes(own) : own === value;
      }),
    );
    const by = Array.isArray(sort) ? sort[0] : sort;
    if (!by) return kept;
    const direction = by.descending ? -1 : 1;
    return [...kept].sort((a, b) => {
      const [x, y] = [valueOf(a, by.sortBy) ?? '', valueOf(b, by.sortBy) ?? ''];
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * direction;
    });
  }, [rows, valueOf, sort, filters]);
  return {
    data: shown,
    sort,
    onSortChange: (next: TableSort | undefined) => setSort(next),
    filterValue: filters,
    onFilterChange: (next: FilterValue) => setFilters(next),
  };
}
