'use client';

import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { cx } from '@/ui/cx';
import type { Messages } from './i18n';
import { matchSavedReplies, slashQueryAt, type SavedReplyOption, type SlashQuery } from './saved-reply-match';

type PickerState = { slash: SlashQuery | null; active: number };

export type SavedReplyPicker = {
  open: boolean;
  matches: SavedReplyOption[];
  active: number;
  optionId: (index: number) => string;
  /** Follows the box after every edit and caret move: the list shows while the caret is in a `/word` that matches. */
  track: (element: HTMLTextAreaElement) => void;
  close: () => void;
  /** Handles the list's keys while it is open; true when the key was the list's (the box must then ignore it). */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  choose: (index: number) => void;
};

/**
 * The combobox behaviour of the reply box (ARIA's pattern with the focus
 * staying in the box and `aria-activedescendant` naming the highlighted
 * option): ArrowUp/ArrowDown move (wrapping round), Enter inserts, Escape
 * closes until the caret moves to another slash word or the word changes.
 */
export function useSavedReplyPicker(
  replies: readonly SavedReplyOption[] | undefined,
  listId: string,
  onChoose: (reply: SavedReplyOption, at: SlashQuery) => void,
): SavedReplyPicker {
  const [{ slash, active }, setState] = useState<PickerState>({ slash: null, active: 0 });
  const matches = useMemo(() => (replies && slash ? matchSavedReplies(replies, slash.query) : []), [replies, slash]);
  const open = matches.length > 0;
  const highlighted = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = useCallback((index: number) => `${listId}-option-${index}`, [listId]);

  const track = useCallback(
    (element: HTMLTextAreaElement) => {
      if (!replies) return;
      const next = element.selectionStart === element.selectionEnd ? slashQueryAt(element.value, element.selectionStart) : null;
      // A select event without a change (focus, a click on the same spot) keeps the highlighted option.
      setState((current) => (sameSlash(current.slash, next) ? current : { slash: next, active: 0 }));
    },
    [replies],
  );
  // Every blur of the box closes the list: when it is closed already, nothing renders again.
  const close = useCallback(() => setState((current) => (current.slash === null ? current : { slash: null, active: 0 })), []);

  const choose = useCallback(
    (index: number) => {
      const reply = matches[index];
      if (!reply || !slash) return;
      close();
      onChoose(reply, slash);
    },
    [matches, slash, close, onChoose],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || event.nativeEvent.isComposing) return false;
    const move = (delta: number) => setState((current) => ({ ...current, active: (highlighted + delta + matches.length) % matches.length }));
    switch (event.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'Escape':
        close();
        break;
      case 'Enter':
        if (event.shiftKey) return false;
        choose(highlighted);
        break;
      default:
        return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  useEffect(() => {
    if (open) document.getElementById(optionId(highlighted))?.scrollIntoView({ block: 'nearest' });
  }, [open, highlighted, optionId]);

  return { open, matches, active: highlighted, optionId, track, close, onKeyDown, choose };
}

const sameSlash = (a: SlashQuery | null, b: SlashQuery | null) => a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end && a.query === b.query);

/** The list above the reply box. It stays in the page while closed, so the box's `aria-controls` always names it. */
export function SavedReplyList({ id, picker, t }: { id: string; picker: SavedReplyPicker; t: Messages }) {
  return (
    <>
      <ul
        id={id}
        role="listbox"
        aria-label={t.savedReplies}
        hidden={!picker.open}
        data-testid="saved-reply-list"
        className="absolute bottom-full left-0 right-0 z-20 mb-2 max-h-64 overflow-y-auto rounded-xl border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {picker.matches.map((reply, index) => (
          <li
            key={reply.id}
            id={picker.optionId(index)}
            role="option"
            aria-selected={index === picker.active}
            data-testid="saved-reply-option"
            // Keeps the focus (and the caret) in the box, so the click inserts where the owner was typing.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => picker.choose(index)}
            className={cx(
              'cursor-pointer px-3 py-2 text-sm',
              index === picker.active ? 'bg-indigo-50 text-indigo-950 dark:bg-indigo-950 dark:text-indigo-50' : 'text-slate-800 dark:text-slate-200',
            )}
          >
            <span className="flex items-baseline gap-2">
              {reply.shortcut ? <span className="shrink-0 font-mono text-xs font-semibold text-indigo-700 dark:text-indigo-300">/{reply.shortcut}</span> : null}
              <span className="truncate font-medium">{reply.title}</span>
            </span>
            <span className="block truncate text-xs text-slate-500 dark:text-slate-400">{reply.text}</span>
          </li>
        ))}
      </ul>
      <span className="sr-only" aria-live="polite">
        {picker.open ? t.savedRepliesFound(picker.matches.length) : ''}
      </span>
    </>
  );
}
