import { useEffect, useRef, type ReactNode } from 'react';
import { ApiFailure } from './api';

/** An error message for a whole form, announced to screen readers and focused so keyboard users land on it. */
export function ErrorBanner({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const text = error instanceof ApiFailure ? describeFailure(error) : error instanceof Error ? error.message : String(error);
  return (
    <div className="banner banner-error" role="alert" tabIndex={-1} ref={ref}>
      {text}
    </div>
  );
}

function describeFailure(error: ApiFailure): string {
  if (error.fields.length) return '请按提示修改标红的字段后再提交。';
  switch (error.status) {
    case 401:
      return '登录已失效，请重新登录。';
    case 403:
      return `无权执行此操作：${error.message}`;
    case 404:
      return '未找到该记录。';
    case 409:
      return `当前状态不允许此操作：${error.message}`;
    case 429:
      return '提交过于频繁，请稍后再试。';
    default:
      return error.message;
  }
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
