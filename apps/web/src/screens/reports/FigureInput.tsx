import type { ReactNode } from 'react';
import { cellId, type Draft } from './annual-report-model';

/** A figure the office types in: marked 手工填报, with its check error under it. */
export function FigureInput(props: { field: string; value: string; label: string; decimals?: boolean; readOnly: boolean; problem: string | undefined; onChange: (value: string) => void }) {
  const id = cellId(props.field);
  return (
    <>
      <input
        id={id}
        className="report-input"
        inputMode={props.decimals ? 'decimal' : 'numeric'}
        value={props.value}
        readOnly={props.readOnly}
        aria-label={`${props.label}（手工填报）`}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.problem ? (
        <span className="cell-error" id={`${id}-error`}>
          {props.problem}
        </span>
      ) : null}
    </>
  );
}

/** What every table of the form gets: a cell renderer, each cell's problem, and a way to change the draft. */
export interface FormCells {
  draft: Draft;
  input: (field: string, value: string, set: (value: string) => void, label: string, decimals?: boolean) => ReactNode;
  problemOf: (field: string) => string | undefined;
  update: (change: (draft: Draft) => Draft) => void;
}
