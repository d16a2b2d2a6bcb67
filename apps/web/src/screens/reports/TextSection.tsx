import { cellId } from './annual-report-model';

/** A text part of the report (一、五、六), typed in by the office. */
export function TextSection(props: { title: string; field: string; value: string; readOnly: boolean; problem: string | undefined; onChange: (value: string) => void }) {
  const id = cellId(props.field);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {props.title} <span className="badge badge-input">手工填报</span>
      </h2>
      <div className={`field${props.problem ? ' field-invalid' : ''}`}>
        <textarea
          id={id}
          aria-labelledby={`${id}-title`}
          className="report-text"
          rows={props.readOnly ? 3 : 5}
          value={props.value}
          readOnly={props.readOnly}
          placeholder={props.readOnly ? '尚未填写' : '请填写本部分内容'}
          aria-invalid={props.problem ? true : undefined}
          aria-describedby={props.problem ? `${id}-error` : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.problem ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {props.problem}
          </p>
        ) : null}
      </div>
    </section>
  );
}

