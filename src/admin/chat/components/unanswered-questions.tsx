'use client';

import { useState } from 'react';
import { Button } from '@/ui/button';
import { controlClass } from '@/ui/field';
import { fullDateTime, shortTimeAgo } from '../format';
import type { UnansweredQuestion } from '../types';
import type { UnansweredQuestions } from '../use-unanswered-questions';

const reasonText: Record<UnansweredQuestion['reason'], string> = {
  not_in_portfolio: 'Not in your portfolio',
  asked_for_human: 'Asked for you',
  provider_failed: 'The assistant failed',
  limit: 'A reply limit was reached',
};

const languageText = { en: 'English', id: 'Indonesian' } as const;

type UnansweredListProps = UnansweredQuestions & { onOpenConversation: (id: string) => void };

/** The questions the assistant could not answer, with how often they were asked; answer one into the Q&A or dismiss it. */
export function UnansweredList({ questions, state, error, refresh, dismiss, answer, onOpenConversation }: UnansweredListProps) {
  if (state === 'loading') return <p className="p-4 text-sm text-slate-500">Loading questions…</p>;
  if (state === 'error') {
    return (
      <div className="space-y-2 p-4 text-sm text-red-700" role="alert">
        <p>{error}</p>
        <Button size="sm" onClick={refresh}>
          Try again
        </Button>
      </div>
    );
  }
  if (questions.length === 0) {
    return (
      <p className="p-4 text-sm text-slate-500" data-testid="unanswered-empty">
        No open questions. When the assistant cannot answer a visitor, the question shows up here.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100" data-testid="unanswered-list">
      {questions.map((question) => (
        <UnansweredItem key={question.id} question={question} dismiss={dismiss} answer={answer} onOpenConversation={onOpenConversation} />
      ))}
    </ul>
  );
}

function UnansweredItem({
  question,
  dismiss,
  answer,
  onOpenConversation,
}: { question: UnansweredQuestion; onOpenConversation: (id: string) => void } & Pick<UnansweredQuestions, 'dismiss' | 'answer'>) {
  const [answering, setAnswering] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    const message = await action();
    // On success the row leaves the list (and this component with it).
    if (message) {
      setFailure(message);
      setBusy(false);
    }
  };
  const latestConversation = question.conversationIds.at(-1);
  const answerId = `unanswered-answer-${question.id}`;

  return (
    <li className="space-y-2 px-3 py-3" data-testid="unanswered-question" data-question-id={question.id}>
      <div className="flex items-start gap-2">
        <p className="min-w-0 flex-1 break-words text-sm font-medium text-slate-900" lang={question.language} data-testid="unanswered-text">
          {question.text}
        </p>
        <span
          className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800"
          data-testid="unanswered-count"
          title={`Asked ${question.count} ${question.count === 1 ? 'time' : 'times'}`}
        >
          {question.count}×
        </span>
      </div>
      <p className="text-xs text-slate-500">
        {reasonText[question.reason]} · {languageText[question.language]} ·{' '}
        <time dateTime={question.lastAskedAt} title={fullDateTime(question.lastAskedAt)}>
          {shortTimeAgo(question.lastAskedAt)}
        </time>
        {latestConversation !== undefined ? (
          <>
            {' · '}
            <button type="button" className="font-semibold text-indigo-700 underline" onClick={() => onOpenConversation(latestConversation)}>
              Open conversation
            </button>
          </>
        ) : null}
      </p>
      {answering ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => answer(question.id, { answer: text }));
          }}
        >
          <label htmlFor={answerId} className="sr-only">
            Your answer
          </label>
          <textarea
            id={answerId}
            rows={3}
            className={controlClass}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={`Answer in ${languageText[question.language]}; the assistant will use it from now on`}
            maxLength={5000}
            autoFocus
            data-testid="unanswered-answer"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="primary" disabled={busy || text.trim() === ''} data-testid="unanswered-save-answer">
              Add to Q&A
            </Button>
            <Button size="sm" variant="ghost" disabled={busy} onClick={() => setAnswering(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex gap-2">
          <Button size="sm" variant="primary" onClick={() => setAnswering(true)} data-testid="unanswered-answer-open">
            Answer and add to Q&A
          </Button>
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => void run(() => dismiss(question.id))} data-testid="unanswered-dismiss">
            Dismiss
          </Button>
        </div>
      )}
      {failure ? (
        <p role="alert" className="text-xs font-medium text-red-600">
          {failure}
        </p>
      ) : null}
    </li>
  );
}
