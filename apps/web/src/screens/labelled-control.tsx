import { cloneElement, isValidElement, useLayoutEffect, useRef, type ReactElement } from 'react';

interface LabelledProps {
  id: string;
  describedBy?: string;
  children: ReactElement<Record<string, unknown>>;
  // What a TDesign FormItem hands its child, passed on to the control inside.
  value?: unknown;
  onChange?: (...args: unknown[]) => void;
  disabled?: boolean;
  readOnly?: boolean;
}

/**
 * Gives the native input inside a TDesign control (Input, Select, InputNumber, DatePicker, Textarea) the id
 * that its FormItem's `for` names: TDesign puts `id` on its wrapper, not on the input, so without this a
 * screen reader hears an unlabelled field. The FormItem's value and onChange pass through to the control,
 * so the form still holds the field's value and validates it.
 */
export function Labelled({ id, describedBy, children, value, onChange, disabled, readOnly }: LabelledProps) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const control = box.current?.querySelector<HTMLElement>('input:not([type="file"]):not([type="hidden"]), textarea');
    if (!control) return;
    if (control.id !== id) control.id = id;
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
  });
  const passed: Record<string, unknown> = {};
  if (onChange) {
    passed.value = value;
    passed.onChange = (...args: unknown[]) => {
      onChange(...args);
      (children.props.onChange as ((...a: unknown[]) => void) | undefined)?.(...args);
    };
  }
  if (disabled !== undefined && children.props.disabled === undefined) passed.disabled = disabled;
  if (readOnly !== undefined && children.props.readOnly === undefined) passed.readOnly = readOnly;
  return (
    <div ref={box} className="labelled-control">
      {isValidElement(children) ? cloneElement(children, passed) : children}
    </div>
  );
}
