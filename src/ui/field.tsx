import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';

export const controlClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-red-400 aria-[invalid=true]:ring-red-500/20';

/** Ids of the hint and error paragraphs that `Field` renders for a control. */
export function describedBy(id: string, { hint, errors }: { hint?: ReactNode; errors?: string[] }) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function FieldError({ id, errors, testId }: { id: string; errors?: string[]; testId?: string }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="text-xs font-medium text-red-600" data-testid={testId ?? 'field-error'}>
      {errors.join(' · ')}
    </p>
  );
}

type FieldProps = {
  id: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
  required?: boolean;
  /** Keep the label for screen readers only (rows in a list, where the list's heading says it all). */
  hideLabel?: boolean;
  className?: string;
  children: ReactNode;
};

/** A label, one control, an optional hint and the field's errors (tied to the control by `describedBy`). */
export function Field({ id, label, errors, hint, required, hideLabel, className, children }: FieldProps) {
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'block text-sm font-medium text-slate-700'}>
        {label}
        {required ? (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} errors={errors} />
    </div>
  );
}

type ControlProps = { id: string; errors?: string[]; hint?: ReactNode };

/** The attributes that tie a control to its field's hint and errors. */
const controlAttributes = ({ id, errors, hint }: ControlProps) => ({
  id,
  'aria-invalid': errors?.length ? true : undefined,
  'aria-describedby': describedBy(id, { hint, errors }),
});

export function TextInput({ id, errors, hint, className, ...props }: ControlProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return <input {...controlAttributes({ id, errors, hint })} className={cx(controlClass, className)} {...props} />;
}

export function TextArea({ id, errors, hint, className, ...props }: ControlProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return <textarea {...controlAttributes({ id, errors, hint })} className={cx(controlClass, 'resize-y', className)} {...props} />;
}
