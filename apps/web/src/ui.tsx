import { useEffect, useRef, type ReactNode } from 'react';
import { ApiFailure } from './api';
import { failureTitle, fieldProblemLines } from './errors/error-text';

/**
 * An error message for a whole form, announced to screen readers and focused so keyboard users land on it:
 * the Chinese of the failure's code, the API's own Chinese explanation when it gives one, and each field at
 * fault named (by `labels`, the screen's names of its fields, else the common ones).
 */
export function ErrorBanner({ error, labels }: { error: unknown; labels?: Readonly<Record<string, string>> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const { text, details } = describeFailure(error, labels);
  return (
    <div className="banner banner-error" role="alert" tabIndex={-1} ref={ref}>
      {text}
      {details.length ? (
        <ul className="banner-details">
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const CHINESE = /[\u4e00-\u9fff]/;

/** Any error in Chinese: an API failure by its code; a thrown Error only when its message is Chinese (ours). */
export function describeFailure(error: unknown, labels?: Readonly<Record<string, string>>): { text: string; details: string[] } {
  if (error instanceof ApiFailure) {
    const explanation = CHINESE.test(error.message) && error.message !== error.title && !error.fields.length ? [error.message] : [];
    return { text: error.title, details: [...explanation, ...fieldProblemLines(error.fields, labels)] };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (CHINESE.test(message)) return { text: message, details: [] };
  // A network failure (fetch's TypeError) or a bug: never the English of the browser or the code.
  return { text: error instanceof TypeError ? failureTitle(0) : failureTitle(500), details: [] };
}

/** A labelled form field with its error below it, tied together with aria-describedby. */
export function Field(props: { id: string; label: string; error?: string | undefined; hint?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.error ? (
        <p className="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes for an input whose Field may show a hint and an error. */
export function describedBy(id: string, error: string | undefined, hint = false) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

export function StateBadge({ state, label }: { state: string; label: string }) {
  return <span className={`badge badge-${state.toLowerCase()}`}>{label}</span>;
}

export function Loading() {
  return (
    <p className="muted" role="status">
      正在加载…
    </p>
  );
}

/** Six catalog elements (六要素) as a description list. */
export function Elements({ elements }: { elements: { name: string; basis: string; content: string; subject: string; timeLimit: string; mode: string } }) {
  const rows: [string, string][] = [
    ['公开事项名称', elements.name],
    ['公开依据', elements.basis],
    ['公开内容（要素）', elements.content],
    ['公开主体', elements.subject],
    ['公开时限', elements.timeLimit],
    ['公开方式', elements.mode],
  ];
  return (
    <dl className="elements">
      {rows.map(([term, value]) => (
        <div key={term} className="element-row">
          <dt>{term}</dt>
          <dd>{value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
