import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, TextInput } from '@/ui/field';

type TextFieldProps = {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled input posted under its id, whose errors are announced and tied to it via aria-describedby. */
export function TextField({ id, label, errors, hint, ...inputProps }: TextFieldProps) {
  return (
    <Field id={id} label={label} errors={errors} hint={hint}>
      <TextInput id={id} name={id} errors={errors} hint={hint} {...inputProps} />
    </Field>
  );
}

/** A new account's password: posted as `password`, with the rule the API enforces. */
export function NewPasswordField({ errors, hint = 'At least 10 characters.' }: { errors?: string[]; hint?: ReactNode }) {
  return <TextField id="password" label="Password" type="password" autoComplete="new-password" required minLength={10} hint={hint} errors={errors} />;
}

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

export function SubmitButton({ pending, children, pendingLabel }: { pending: boolean; children: ReactNode; pendingLabel: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="inline-flex w-full items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
