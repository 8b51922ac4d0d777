'use client';

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { cx } from '@/ui/cx';
import type { Messages } from './i18n';
import { firstImage, IMAGE_TYPES } from './image-drop-zone';
import { insertSavedReply, type SavedReplyOption, type SlashQuery } from './saved-reply-match';
import { SavedReplyList, useSavedReplyPicker } from './saved-reply-picker';

export const MAX_MESSAGE_LENGTH = 2000;
/** The counter appears once fewer characters than this are left. */
const COUNTER_FROM = 200;
const MAX_HEIGHT_PX = 160;

export type ComposerProps = {
  t: Messages;
  /** Called with the trimmed text; the box empties and keeps focus. */
  onSend: (text: string) => void;
  /** Called on every edit (the typing indicator for the other side). */
  onTyping?: () => void;
  /** Focus the box on mount — only with a mouse: on touch screens the keyboard would cover the conversation. */
  autoFocus?: boolean;
  placeholder?: string;
  className?: string;
  /** The owner's saved replies: typing `/` at the start of a word offers them. Without it the box is a plain textbox. */
  savedReplies?: readonly SavedReplyOption[];
  /** An image chosen with the button or pasted (a drop is the ImageDropZone's): the host sends it at once, as a message of its own. */
  onAttach?: (file: File) => void;
};


/** The message box: Enter sends, Shift+Enter adds a line, grows with its text, labelled for screen readers. */
export function Composer({ t, onSend, onTyping, autoFocus, placeholder, className, savedReplies, onAttach }: ComposerProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const picture = useRef<HTMLInputElement>(null);
  /** Where the caret goes once an inserted reply is rendered. */
  const caretAfterInsert = useRef<number | null>(null);
  const id = useId();
  const listId = `${id}-saved-replies`;
  // The owner edits the inserted text before sending it: it only fills the box.
  const insert = useCallback(
    (reply: SavedReplyOption, at: SlashQuery) => {
      const next = insertSavedReply(input.current?.value ?? '', at, reply.text);
      caretAfterInsert.current = next.caret;
      setText(next.text);
      onTyping?.();
    },
    [onTyping],
  );
  const picker = useSavedReplyPicker(savedReplies, listId, insert);
  const left = MAX_MESSAGE_LENGTH - text.length;
  const canSend = text.trim().length > 0 && left >= 0;

  useEffect(() => {
    if (autoFocus && window.matchMedia('(pointer: fine)').matches) input.current?.focus();
  }, [autoFocus]);

  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
    if (caretAfterInsert.current !== null) {
      element.focus();
      element.setSelectionRange(caretAfterInsert.current, caretAfterInsert.current);
      caretAfterInsert.current = null;
    }
  }, [text]);

  function send() {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (picker.onKeyDown(event)) return;
    // Enter while an IME is composing (Japanese, Chinese…) confirms the composition, it does not send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  return (
    <form
      onSubmit={onSubmit}
      className={cx('flex items-end gap-2', className)}
      data-testid="composer"
    >
      {onAttach ? (
        <>
          <input
            ref={picture}
            type="file"
            accept={IMAGE_TYPES}
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            aria-label={t.attachImage}
            data-testid="attach-input"
            onChange={(event) => {
              const file = firstImage(event.target.files);
              event.target.value = '';
              if (file) onAttach(file);
            }}
          />
          <button
            type="button"
            onClick={() => picture.current?.click()}
            aria-label={t.attachImage}
            title={t.attachImage}
            data-testid="attach-button"
            className="inline-flex size-11 shrink-0 items-center justify-center rounded-full text-slate-500 transition hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-400 dark:hover:bg-slate-800"
          >
            <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <rect x="3" y="3" width="18" height="18" rx="2" />
              <circle cx="8.5" cy="8.5" r="1.5" />
              <path d="M21 15l-5-5L5 21" />
            </svg>
          </button>
        </>
      ) : null}
      <label htmlFor={id} className="sr-only">
        {t.messageLabel}
      </label>
      <div className="relative min-w-0 flex-1">
        <textarea
          id={id}
          ref={input}
          data-testid="composer-input"
          value={text}
          rows={1}
          maxLength={MAX_MESSAGE_LENGTH}
          placeholder={placeholder ?? t.messagePlaceholder}
          aria-describedby={`${id}-hint`}
          {...(savedReplies
            ? {
                role: 'combobox',
                'aria-autocomplete': 'list' as const,
                'aria-expanded': picker.open,
                'aria-controls': listId,
                'aria-activedescendant': picker.open ? picker.optionId(picker.active) : undefined,
              }
            : {})}
          onChange={(event) => {
            setText(event.target.value);
            picker.track(event.target);
            onTyping?.();
          }}
          onSelect={(event) => picker.track(event.currentTarget)}
          onBlur={picker.close}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            const file = onAttach ? firstImage(event.clipboardData.files) : null;
            if (!file) return;
            event.preventDefault();
            onAttach!(file);
          }}
          className="block max-h-40 w-full resize-none rounded-2xl border border-slate-300 bg-white px-3.5 py-2.5 text-[15px] leading-snug text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-500"
        />
        <span id={`${id}-hint`} className="sr-only">
          {savedReplies ? `${t.composerHint}; ${t.savedRepliesHint}` : t.composerHint}
        </span>
        {savedReplies ? <SavedReplyList id={listId} picker={picker} t={t} /> : null}
        {left < COUNTER_FROM ? (
          <span className={cx('pointer-events-none absolute bottom-1 right-3 text-[11px]', left < 0 ? 'text-rose-600' : 'text-slate-400')} aria-live="polite">
            {t.charactersLeft(Math.max(0, left))}
          </span>
        ) : null}
      </div>
      <button
        type="submit"
        data-testid="send-button"
        aria-label={t.send}
        title={t.send}
        disabled={!canSend}
        className="inline-flex size-11 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-white shadow-sm transition hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:bg-slate-300 dark:disabled:bg-slate-700"
      >
        <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M22 2L11 13M22 2l-7 20-4-9-9-4z" />
        </svg>
      </button>
    </form>
  );
}
