import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { PrimaryTableCol } from 'tdesign-react';
import { formatDateTime, urgencyOf } from '../../format';
import type { InboxTask } from './inbox-api';

const URGENCY_LABELS = { overdue: '已逾期', 'due-soon': '即将到期', normal: '正常' } as const;

/** The review stages the API filters on (libs/domain's REVIEW_STAGE_LABELS). */
const STAGE_FILTER = [
  { label: '初审', value: 'preliminary-review' },
  { label: '保密审查', value: 'confidentiality-review' },
  { label: '合法性审查', value: 'legality-review' },
  { label: '签发', value: 'sign-off' },
];

/** Enter toggles a checkbox too (Space does natively), as keyboard users of the old system expect. */
function toggleOnEnter(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'Enter') {
    event.preventDefault();
    event.currentTarget.click();
  }
}

/** Where a task is handled: a 督办 on its own screen, a review step on the review screen. */
export const taskLink = (task: InboxTask) => (task.kind === 'supervision-demand' ? `/demands/${task.id}` : `/review/${task.itemId}/${task.id}`);

export const urgencyOfTask = (task: InboxTask) => urgencyOf(task.dueAt, task.overdue);

/**
 * The inbox's columns. The selection boxes are native check boxes (TDesign's Checkbox takes its input out of the
 * tab order), so that Space and Enter select a row; the header box selects the page shown.
 */
export function taskColumns(props: {
  me: string | undefined;
  selected: ReadonlySet<string>;
  pageRows: readonly InboxTask[];
  onToggle: (taskId: string) => void;
  onTogglePage: (select: boolean) => void;
}): PrimaryTableCol<InboxTask>[] {
  const { selected, pageRows } = props;
  const allSelected = pageRows.length > 0 && pageRows.every((task) => selected.has(task.id));
  const someSelected = pageRows.some((task) => selected.has(task.id));
  return [
    {
      colKey: 'select',
      width: 48,
      className: 'select-cell',
      title: () => (
        <input
          type="checkbox"
          id="select-all"
          aria-label="选择本页全部任务"
          checked={allSelected}
          ref={(input) => {
            if (input) input.indeterminate = someSelected && !allSelected;
          }}
          onChange={() => props.onTogglePage(!allSelected)}
          onKeyDown={toggleOnEnter}
        />
      ),
      cell: ({ row }) => (
        <input type="checkbox" aria-label={`选择：${row.itemTitle}（${row.kindLabel}）`} checked={selected.has(row.id)} onChange={() => props.onToggle(row.id)} onKeyDown={toggleOnEnter} />
      ),
    },
    { colKey: 'itemTitle', title: '公开事项', sorter: true, cell: ({ row }) => <Link to={taskLink(row)}>{row.itemTitle}</Link> },
    { colKey: 'kind', title: '审核环节', cell: ({ row }) => row.kindLabel, filter: { type: 'single', list: STAGE_FILTER, resetValue: undefined } },
    { colKey: 'area', title: '领域', cell: ({ row }) => row.area ?? '—' },
    { colKey: 'dueAt', title: '办理时限', sorter: true, cell: ({ row }) => formatDateTime(row.dueAt) },
    {
      colKey: 'overdue',
      title: '状态',
      filter: { type: 'single', list: [{ label: '已逾期', value: 'true' }, { label: '未逾期', value: 'false' }], resetValue: undefined },
      cell: ({ row }) => {
        const urgency = urgencyOfTask(row);
        return (
          <>
            <span className={`badge badge-${urgency}`}>{URGENCY_LABELS[urgency]}</span>
            {row.escalated ? <span className="badge badge-overdue">已升级</span> : null}
          </>
        );
      },
    },
    {
      colKey: 'claimedBy',
      title: '认领',
      cell: ({ row }) => (row.claimedBy ? row.claimedBy === props.me ? <strong>我</strong> : (row.claimedByName ?? row.claimedBy) : <span className="muted">未认领</span>),
    },
  ];
}
