import { Textarea } from 'tdesign-react';

/** A TDesign textarea with its visible label, hint and problem tied to it for screen readers. */
export function LabelledTextarea(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  problem?: string | undefined;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.problem ? `${props.id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="labelled-control">
      <label htmlFor={props.id} className="control-label">
        {props.label}
        {props.required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <Textarea
        id={props.id}
        value={props.value}
        onChange={(value) => props.onChange(String(value))}
        autosize={{ minRows: props.rows ?? 4, maxRows: 16 }}
        maxlength={props.maxLength}
        status={props.problem ? 'error' : 'default'}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={described || undefined}
        aria-required={props.required || undefined}
      />
      {props.problem ? (
        <p className="field-error" id={`${props.id}-problem`} role="alert">
          {props.problem}
        </p>
      ) : null}
    </div>
  );
}
