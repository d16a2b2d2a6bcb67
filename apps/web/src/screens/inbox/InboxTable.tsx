import { useState } from 'react';
import { Table, type FilterValue, type SortInfo, type TableSort } from 'tdesign-react';
import type { InboxFilters, InboxTask } from './inbox-api';
import { taskColumns, urgencyOfTask } from './task-columns';

const PAGE_SIZES = [20, 50, 100];

/** Sorts the loaded tasks: by title (in pinyin order) or due time; unsorted, as the API answers (due time first). */
function sorted(tasks: readonly InboxTask[], sort: SortInfo | undefined): readonly InboxTask[] {
  if (!sort) return tasks;
  const compare = sort.sortBy === 'itemTitle' ? (a: InboxTask, b: InboxTask) => a.itemTitle.localeCompare(b.itemTitle, 'zh-CN') : (a: InboxTask, b: InboxTask) => a.dueAt.localeCompare(b.dueAt);
  return [...tasks].sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
}

/**
 * The inbox as a TDesign Table: sorting by title and due time and paging over the loaded tasks, and the stage and
 * overdue filters, which the API applies to the whole inbox.
 */
export function InboxTable(props: {
  tasks: readonly InboxTask[];
  loading: boolean;
  me: string | undefined;
  filters: InboxFilters;
  onFiltersChange: (filters: InboxFilters) => void;
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: ReadonlySet<string>) => void;
}) {
  const [sort, setSort] = useState<SortInfo>();
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZES[0]! });
  const rows = sorted(props.tasks, sort);
  const lastPage = Math.max(1, Math.ceil(rows.length / page.pageSize));
  const current = Math.min(page.current, lastPage);
  const pageRows = rows.slice((current - 1) * page.pageSize, current * page.pageSize);

  const toggle = (taskId: string) => {
    const next = new Set(props.selected);
    if (next.has(taskId)) next.delete(taskId);
    else next.add(taskId);
    props.onSelectedChange(next);
  };
  const togglePage = (select: boolean) => {
    const next = new Set(props.selected);
    for (const task of pageRows) {
      if (select) next.add(task.id);
      else next.delete(task.id);
    }
    props.onSelectedChange(next);
  };
  const onFilterChange = (value: FilterValue) => {
    setPage((shown) => ({ ...shown, current: 1 }));
    props.onFiltersChange({
      ...(value.kind ? { kind: value.kind as InboxFilters['kind'] } : {}),
      ...(value.overdue ? { overdue: value.overdue as InboxFilters['overdue'] } : {}),
    });
  };

  return (
    <Table<InboxTask>
      rowKey="id"
      className="staff-table inbox-table"
      size="small"
      columns={taskColumns({ me: props.me, selected: props.selected, pageRows, onToggle: toggle, onTogglePage: togglePage })}
      data={pageRows as InboxTask[]}
      loading={props.loading}
      empty="暂无待办事项。"
      sort={sort}
      onSortChange={(next: TableSort) => setSort(Array.isArray(next) ? next[0] : next)}
      filterValue={props.filters}
      onFilterChange={onFilterChange}
      rowClassName={({ row }) => `row-${urgencyOfTask(row)}${props.selected.has(row.id) ? ' row-selected' : ''}`}
      rowAttributes={({ row }) => ({ 'data-task-id': row.id })}
      disableDataPage
      pagination={{
        current,
        pageSize: page.pageSize,
        total: rows.length,
        pageSizeOptions: PAGE_SIZES,
        onChange: ({ current: next, pageSize }) => setPage({ current: next, pageSize }),
      }}
    />
  );
}
