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

/** A labelled input bound to one document path: shows that path's errors and clears them on edit. */
export function DraftField({ path, label, value, onChange, required, multiline, rows, hint, hideLabel, className, ...inputProps }: DraftFieldProps) {
  const { errors, clear } = useEditorErrors();
  const id = fieldId(path);
  const messages = errors[path];
  const handle = (next: string) => {
    clear(path);
    onChange(next);
  };
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
