'use client';

import { useRef, useState, type ReactNode } from 'react';
import { cx } from '@/ui/cx';
import { Field, describedBy } from '@/ui/field';
import { XIcon } from '@/ui/icons';
import { fieldId } from './draft';
import { useEditorErrors } from './errors-context';

type TagsInputProps = {
  /** Dot path of the list ("about.interests"); a tag's errors arrive at "about.interests.2". */
  path: string;
  label: ReactNode;
  value: string[];
  onChange: (values: string[]) => void;
  hint?: ReactNode;
  placeholder?: string;
  testId: string;
};

/**
 * Tags as removable chips. Enter or a comma adds what was typed (a pasted
 * "a, b, c" becomes three tags), Backspace in the empty box removes the last
 * tag, and leaving the box keeps what was typed rather than dropping it.
 */
export function TagsInput({ path, label, value: values, onChange, hint, placeholder, testId }: TagsInputProps) {
  const { errors, clear } = useEditorErrors();
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = fieldId(path);

  const tagErrors = values.flatMap((value, index) => (errors[`${path}.${index}`] ?? []).map((message) => `“${value || 'empty tag'}” ${message}`));
  const messages = [...(errors[path] ?? []), ...tagErrors];

  const add = (raw: string) => {
    const next = [...values];
    for (const part of raw.split(',')) {
      const tag = part.trim();
      if (tag && !next.some((existing) => existing.toLowerCase() === tag.toLowerCase())) next.push(tag);
    }
    if (next.length !== values.length) {
      clear(path);
      onChange(next);
    }
  };

  const removeAt = (index: number) => {
    clear(path);
    onChange(values.filter((_, i) => i !== index));
    inputRef.current?.focus();
  };

  return (
    <Field id={id} label={label} hint={hint} errors={messages}>
      <div
        className={cx(
          'flex flex-wrap items-center gap-1.5 rounded-md border bg-white px-2 py-1.5 shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30',
          messages.length ? 'border-red-400' : 'border-slate-300',
        )}
        data-testid={testId}
      >
        {values.map((value, index) => (
          <span
            key={`${index}-${value}`}
            className={cx(
              'inline-flex max-w-full items-center gap-1 rounded-full py-0.5 pl-2.5 pr-1 text-xs font-medium',
              errors[`${path}.${index}`] ? 'bg-red-50 text-red-700 ring-1 ring-red-300' : 'bg-indigo-50 text-indigo-800',
            )}
            data-testid={`${testId}-tag`}
          >
            <span className="truncate">{value}</span>
            <button
              type="button"
              onClick={() => removeAt(index)}
              aria-label={`Remove ${value}`}
              className="inline-flex size-5 items-center justify-center rounded-full hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <XIcon className="size-3" />
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          id={id}
          value={text}
          placeholder={values.length ? 'Add another…' : placeholder}
          aria-invalid={messages.length ? true : undefined}
          aria-describedby={describedBy(id, { hint, errors: messages })}
          className="min-w-32 flex-1 border-0 bg-transparent px-1 py-1 text-sm text-slate-900 placeholder:text-slate-400 focus:outline-none"
          onChange={(event) => {
            const next = event.target.value;
            const cut = next.lastIndexOf(',');
            if (cut >= 0) {
              add(next.slice(0, cut));
              setText(next.slice(cut + 1).trimStart());
            } else {
              setText(next);
            }
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add(text);
              setText('');
            } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
              event.preventDefault();
              removeAt(values.length - 1);
            }
          }}
          onBlur={() => {
            if (text.trim()) {
              add(text);
              setText('');
            }
          }}
        />
      </div>
    </Field>
  );
}
