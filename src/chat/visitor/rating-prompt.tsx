'use client';

import { useId, useState, type FormEvent } from 'react';
import { RATING_COMMENT_MAX, RATING_SCORES } from '@/chat/ratings';
import type { Messages } from '@/chat/ui/i18n';
import { cx } from '@/ui/cx';
import type { RatingRequest } from './use-rating-request';

/** "How was this conversation?": five scores as a radio group, an optional comment once one is picked. */
export function RatingPrompt({ t, request }: { t: Messages; request: RatingRequest }) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const questionId = useId();
  const commentId = useId();

  if (request.thanked) {
    return (
      <div role="status" data-testid="rating-thanks" className="mb-2 rounded-lg bg-emerald-50 px-3 py-2 text-xs text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-100">
        {t.ratingThanks}
      </div>
    );
  }
  if (!request.asked) return null;

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return;
    setState('sending');
    request.submit(score, comment).catch(() => setState('failed'));
  };

  return (
    <form onSubmit={send} data-testid="rating-prompt" className="mb-2 space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-800 dark:bg-slate-900">
      <p id={questionId} className="text-sm font-medium">
        {t.ratingQuestion}
      </p>
      <div role="radiogroup" aria-labelledby={questionId} className="flex gap-1">
        {RATING_SCORES.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={score === value}
            aria-label={t.ratingScore(value)}
            data-testid={`rating-${value}`}
            onClick={() => setScore(value)}
            className={cx(
              'text-2xl leading-none transition focus-visible:outline-2 focus-visible:outline-indigo-600',
              score !== null && value <= score ? 'text-amber-500' : 'text-slate-300 hover:text-amber-400 dark:text-slate-600',
            )}
          >
            ★
          </button>
        ))}
      </div>
      {score !== null ? (
        <div>
          <label htmlFor={commentId} className="sr-only">
            {t.ratingCommentLabel}
          </label>
          <textarea
            id={commentId}
            rows={2}
            maxLength={RATING_COMMENT_MAX}
            value={comment}
            placeholder={t.ratingCommentLabel}
            onChange={(event) => setComment(event.target.value)}
            data-testid="rating-comment"
            className="w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
          />
        </div>
      ) : null}
      {state === 'failed' ? (
        <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {t.ratingFailed}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={request.dismiss} data-testid="rating-skip" className="rounded-md px-2.5 py-1 text-xs font-semibold text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800">
          {t.ratingSkip}
        </button>
        <button
          type="submit"
          disabled={score === null || state === 'sending'}
          data-testid="rating-send"
          className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {t.ratingSend}
        </button>
      </div>
    </form>
  );
}
