import { ROLE_LABELS } from '../../format';
import { describedBy, Field } from '../../ui';
import { fieldError, ROLE_KEYS } from './org-model';

/** A user's e-mail and mobile number (for notifications), with the API's field errors under each. */
export function ContactFields(props: { idPrefix: string; email: string; mobile: string; error: unknown; onEmail: (value: string) => void; onMobile: (value: string) => void }) {
  const { idPrefix, error } = props;
  return (
    <div className="inline-fields">
      <Field id={`${idPrefix}-email`} label="电子邮箱" error={fieldError(error, 'email')}>
        <input id={`${idPrefix}-email`} type="email" value={props.email} onChange={(e) => props.onEmail(e.target.value)} {...describedBy(`${idPrefix}-email`, fieldError(error, 'email'))} />
      </Field>
      <Field id={`${idPrefix}-mobile`} label="手机号码" error={fieldError(error, 'mobile')}>
        <input id={`${idPrefix}-mobile`} inputMode="tel" value={props.mobile} onChange={(e) => props.onMobile(e.target.value)} {...describedBy(`${idPrefix}-mobile`, fieldError(error, 'mobile'))} />
      </Field>
    </div>
  );
}

/**
 * Role check boxes: roles are held in one department, so they are chosen with it. Native boxes: TDesign's
 * Checkbox hides its input out of the tab order (tabIndex -1) behind a focusable label.
 */
export function RolePicker(props: { id: string; roles: string[]; onChange: (roles: string[]) => void; error: string | undefined }) {
  return (
    <fieldset className={`field role-picker${props.error ? ' field-invalid' : ''}`} aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend>本单位角色</legend>
      {ROLE_KEYS.map((role) => (
        <label key={role} className="radio">
          <input type="checkbox" checked={props.roles.includes(role)} onChange={(e) => props.onChange(e.target.checked ? [...props.roles, role] : props.roles.filter((r) => r !== role))} />
          {ROLE_LABELS[role]}
        </label>
      ))}
      {props.error ? (
        <p className="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
