'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/ui/button';
import { cx } from '@/ui/cx';
import { FieldError } from '@/ui/field';
import { ArrowDownIcon, ArrowUpIcon, ChevronRightIcon, PlusIcon, TrashIcon } from '@/ui/icons';
import { fieldId } from './draft';
import { useEditorErrors } from './errors-context';

type FocusRequest =
  | { kind: 'moved'; key: string; direction: 'up' | 'down' }
  | { kind: 'deleted'; index: number }
  | { kind: 'added'; key: string };

type ItemListProps<T extends { key: string }> = {
  /** The items (named `value` like every editor input's, so `bindFields` can bind a list too). */
  value: T[];
  onChange: (items: T[]) => void;
  /** The list's dot path in the document ("career", "career.0.bulletPoints"). */
  path: string;
  /** What one item is called, for buttons and the delete confirmation: "career entry". */
  noun: string;
  /** A short name for one item ("Senior engineer"), or '' when it has none yet. */
  describe: (item: T) => string;
  create: () => T;
  /** `data-testid` of each item; its controls get `${testId}-move-up`, `-move-down`, `-delete`, `-toggle`. */
  testId: string;
  addTestId: string;
  addLabel?: string;
  /** Cards with a header and a collapsible body, or compact rows. */
  layout?: 'card' | 'row';
  confirmDelete?: boolean;
  emptyText?: string;
  max?: number;
  /** Extra text in a card header under the item's name. */
  summary?: (item: T) => ReactNode;
  /** Something shown before the name in a card header (a badge preview). */
  leading?: (item: T) => ReactNode;
  children: (item: T, index: number, update: (patch: Partial<Omit<T, 'key'>>) => void) => ReactNode;
};

/**
 * A list the owner can add to, edit, reorder (move up/down buttons, so it
 * works from the keyboard) and delete from. Focus follows the item that
 * moved; errors follow their rows through the shared error context.
 */
export function ItemList<T extends { key: string }>({
  value: items,
  onChange,
  path,
  noun,
  describe,
  create,
  testId,
  addTestId,
  addLabel,
  layout = 'card',
  confirmDelete = layout === 'card',
  emptyText,
  max,
  summary,
  leading,
  children,
}: ItemListProps<T>) {
  const { errors, reindex, clear } = useEditorErrors();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  /** Where focus goes once the parent has re-rendered the changed list. */
  const focusRequestRef = useRef<FocusRequest | null>(null);
  const setFocusRequest = (request: FocusRequest) => {
    focusRequestRef.current = request;
  };

  useEffect(() => {
    const focusRequest = focusRequestRef.current;
    if (!focusRequest) return;
    focusRequestRef.current = null;
    const rows = listRef.current ? Array.from(listRef.current.children) : [];
    if (focusRequest.kind === 'moved') {
      const row = rows[items.findIndex((item) => item.key === focusRequest.key)];
      const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${focusRequest.direction}"]`);
      const other = row?.querySelector<HTMLButtonElement>(`[data-move="${focusRequest.direction === 'up' ? 'down' : 'up'}"]`);
      (wanted && !wanted.disabled ? wanted : other)?.focus();
    } else if (focusRequest.kind === 'deleted') {
      const row = rows[Math.min(focusRequest.index, rows.length - 1)];
      (row?.querySelector<HTMLButtonElement>('[data-move="delete"]') ?? addRef.current)?.focus();
    } else {
      const row = rows[items.findIndex((item) => item.key === focusRequest.key)];
      row?.querySelector<HTMLElement>('input, textarea')?.focus();
    }
  }, [items]);

  const label = (item: T) => {
    const name = describe(item).trim();
    return name ? `${noun} “${name}”` : `untitled ${noun}`;
  };

  const update = (index: number, patch: Partial<Omit<T, 'key'>>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const item = items[index];
    const other = items[target];
    if (!item || !other) return;
    const next = [...items];
    next[index] = other;
    next[target] = item;
    onChange(next);
    reindex(path, new Map([[index, target], [target, index]]));
    setFocusRequest({ kind: 'moved', key: item.key, direction: delta < 0 ? 'up' : 'down' });
  };

  const remove = (index: number) => {
    const item = items[index];
    if (!item) return;
    if (confirmDelete && !window.confirm(`Delete ${label(item)}? It disappears from the site when you save.`)) return;
    const moves = new Map<number, number | null>([[index, null]]);
    for (let i = index + 1; i < items.length; i += 1) moves.set(i, i - 1);
    onChange(items.filter((_, i) => i !== index));
    reindex(path, moves);
    setFocusRequest({ kind: 'deleted', index });
  };

  const add = () => {
    const item = create();
    onChange([...items, item]);
    clear(path);
    setOpen((current) => new Set(current).add(item.key));
    setFocusRequest({ kind: 'added', key: item.key });
  };

  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const hasErrorsAt = (index: number) => {
    const prefix = `${path}.${index}`;
    return Object.keys(errors).some((key) => key === prefix || key.startsWith(`${prefix}.`));
  };

  const full = max !== undefined && items.length >= max;

  return (
    <div className={layout === 'card' ? 'space-y-3' : 'space-y-2'}>
      {items.length === 0 && emptyText ? <p className="text-sm text-slate-500">{emptyText}</p> : null}
      <ol ref={listRef} className={layout === 'card' ? 'space-y-3' : 'space-y-2'}>
        {items.map((item, index) => {
          const controls = (
            <ItemControls
              testId={testId}
              label={label(item)}
              first={index === 0}
              last={index === items.length - 1}
              onMove={(delta) => move(index, delta)}
              onDelete={() => remove(index)}
            />
          );
          if (layout === 'row') {
            return (
              <li key={item.key} data-testid={testId} className="flex items-start gap-2">
                <div className="min-w-0 flex-1">{children(item, index, (patch) => update(index, patch))}</div>
                {controls}
              </li>
            );
          }
          const invalid = hasErrorsAt(index);
          const expanded = open.has(item.key) || invalid;
          const bodyId = `${fieldId(path)}-${index}-body`;
          const name = describe(item).trim();
          return (
            <li
              key={item.key}
              data-testid={testId}
              className={cx('rounded-lg border bg-white', invalid ? 'border-red-300' : 'border-slate-200')}
            >
              <div className="flex items-center gap-2 px-3 py-2 sm:px-4">
                <button
                  type="button"
                  aria-expanded={expanded}
                  aria-controls={bodyId}
                  onClick={() => toggle(item.key)}
                  data-testid={`${testId}-toggle`}
                  className="flex min-w-0 flex-1 items-center gap-2 rounded-md py-1 text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  <ChevronRightIcon className={cx('shrink-0 text-slate-400 transition-transform', expanded && 'rotate-90')} />
                  {leading ? leading(item) : null}
                  <span className="min-w-0">
                    <span className={cx('block truncate text-sm font-semibold', name ? 'text-slate-900' : 'italic text-slate-400')}>
                      {name || `Untitled ${noun}`}
                    </span>
                    {summary ? <span className="block truncate text-xs text-slate-500">{summary(item)}</span> : null}
                  </span>
                  {invalid ? (
                    <span className="ml-auto shrink-0 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700">Needs fixing</span>
                  ) : null}
                </button>
                {controls}
              </div>
              {expanded ? (
                <div id={bodyId} className="space-y-4 border-t border-slate-100 px-3 py-4 sm:px-4">
                  {children(item, index, (patch) => update(index, patch))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <FieldError id={fieldId(path)} errors={errors[path]} />
      <Button ref={addRef} size="sm" onClick={add} disabled={full} data-testid={addTestId}>
        <PlusIcon /> {addLabel ?? `Add ${noun}`}
      </Button>
    </div>
  );
}

function ItemControls({
  testId,
  label,
  first,
  last,
  onMove,
  onDelete,
}: {
  testId: string;
  label: string;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const iconButton =
    'inline-flex size-8 items-center justify-center rounded-md text-slate-500 transition hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 disabled:pointer-events-none disabled:opacity-30';
  return (
    <div className="flex shrink-0 items-center">
      <button type="button" data-move="up" data-testid={`${testId}-move-up`} aria-label={`Move ${label} up`} title="Move up" disabled={first} onClick={() => onMove(-1)} className={iconButton}>
        <ArrowUpIcon />
      </button>
      <button type="button" data-move="down" data-testid={`${testId}-move-down`} aria-label={`Move ${label} down`} title="Move down" disabled={last} onClick={() => onMove(1)} className={iconButton}>
        <ArrowDownIcon />
      </button>
      <button type="button" data-move="delete" data-testid={`${testId}-delete`} aria-label={`Delete ${label}`} title="Delete" onClick={onDelete} className={cx(iconButton, 'hover:bg-red-50 hover:text-red-700')}>
        <TrashIcon />
      </button>
    </div>
  );
}
