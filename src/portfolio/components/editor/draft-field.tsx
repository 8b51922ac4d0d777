'use client';

import type { ReactNode } from 'react';
import { Field, TextArea, TextInput } from '@/ui/field';
import { fieldId } from './draft';
import { useEditorErrors } from './errors-context';

type DraftFieldProps = {
  /** Dot path into the document, as the API names it in `fields`: "career.0.title". */
  path: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  hint?: ReactNode;
  placeholder?: string;
  type?: 'text' | 'email' | 'url';
  maxLength?: number;
  list?: string;
  hideLabel?: boolean;
  className?: string;
};

/** The input id, the errors and the change handler of the field at `path`: an edit clears that path's errors. */
export function useDraftPath(path: string, onChange: (value: string) => void) {
  const { errors, clear } = useEditorErrors();
  const set = (next: string) => {
    clear(path);
    onChange(next);
  };
  return { id: fieldId(path), messages: errors[path], set };
}

/** Binds inputs to the fields of the item at `base`: `<DraftField {...field('title')} label="Title" />`. */
export function bindFields<T extends object>(base: string, item: T, update: (patch: Partial<T>) => void) {
  return <K extends keyof T & string>(key: K) => ({
    path: `${base}.${key}`,
    value: item[key],
    onChange: (value: T[K]) => update({ [key]: value } as unknown as Partial<T>),
  });
}

/** The suggestions offered by the inputs whose `list` is `id`. */
export function Suggestions({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

/** A labelled input bound to one document path: shows that path's errors and clears them on edit. */
export function DraftField({ path, label, value, onChange, required, multiline, rows, hint, hideLabel, className, ...inputProps }: DraftFieldProps) {
  const { id, messages, set: handle } = useDraftPath(path, onChange);
  return (
    <Field id={id} label={label} errors={messages} hint={hint} required={required} hideLabel={hideLabel} className={className}>
      {multiline ? (
        <TextArea
          id={id}
          errors={messages}
          hint={hint}
          rows={rows ?? 4}
          value={value}
          aria-required={required || undefined}
          onChange={(event) => handle(event.target.value)}
          placeholder={inputProps.placeholder}
          maxLength={inputProps.maxLength}
        />
      ) : (
        <TextInput
          id={id}
          errors={messages}
          hint={hint}
          value={value}
          aria-required={required || undefined}
          onChange={(event) => handle(event.target.value)}
          {...inputProps}
        />
      )}
    </Field>
  );
}
