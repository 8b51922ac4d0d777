'use client';

import { useId, useState, type FormEvent } from 'react';
import { Markdown } from '@/chat/ui';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { TextInput } from '@/ui/field';
import { testAssistant } from '../api';
import type { AssistantTestAnswer } from '../types';

type TestState = { kind: 'idle' } | { kind: 'asking' } | { kind: 'answered'; question: string; answer: AssistantTestAnswer } | { kind: 'error'; message: string };

const MAX_QUESTION = 2000;

/**
 * Asks the assistant a question with the saved settings, as a visitor would,
 * without creating a conversation: the answer, whether it would hand over to
 * the owner, and the portfolio facts it used.
 */
export function AssistantTestBox() {
  const id = useId();
  const [question, setQuestion] = useState('');
  const [state, setState] = useState<TestState>({ kind: 'idle' });

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const text = question.trim();
    if (!text || state.kind === 'asking') return;
    setState({ kind: 'asking' });
    const result = await testAssistant(text);
    setState(result.success ? { kind: 'answered', question: text, answer: result.data } : { kind: 'error', message: result.error });
  };

  return (
    <Card className="p-4 sm:p-6" data-testid="assistant-test">
      <h2 className="text-lg font-semibold text-slate-900">Test the assistant</h2>
      <p className="mb-4 mt-0.5 text-sm text-slate-500">Ask what a visitor might ask. It uses the saved settings and creates no conversation.</p>
      <form onSubmit={(event) => void ask(event)} className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor={id} className="sr-only">
          Question for the assistant
        </label>
        <TextInput
          id={id}
          value={question}
          maxLength={MAX_QUESTION}
          onChange={(event) => setQuestion(event.target.value)}
          placeholder="e.g. What is your tech stack? / Kamu pernah kerja di mana?"
          data-testid="assistant-test-question"
        />
        <Button type="submit" variant="primary" disabled={!question.trim() || state.kind === 'asking'} className="shrink-0" data-testid="assistant-test-ask">
          {state.kind === 'asking' ? 'Asking…' : 'Ask'}
        </Button>
      </form>

      <div aria-live="polite" className="mt-4">
        {state.kind === 'error' ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="assistant-test-error">
            {state.message}
          </p>
        ) : null}
        {state.kind === 'answered' ? <TestAnswer question={state.question} answer={state.answer} /> : null}
      </div>
    </Card>
  );
}

function TestAnswer({ question, answer }: { question: string; answer: AssistantTestAnswer }) {
  return (
    <div className="space-y-4" data-testid="assistant-test-answer">
      <div className="rounded-xl border border-violet-200 bg-violet-50/50 p-3">
        <p className="text-xs font-medium text-slate-500">“{question}”</p>
        <div className="mt-1 text-[15px] leading-relaxed text-slate-900">
          <Markdown text={answer.answer} />
        </div>
        <p className="mt-2 text-xs text-slate-500" data-testid="assistant-test-model">
          {answer.provider} · {answer.model}
          {answer.handover ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-800">Hands over to you</span> : null}
        </p>
      </div>
      <FactsUsed facts={answer.facts} />
    </div>
  );
}

/** The first few facts at once, the rest one click away: a broad question can match a dozen. */
const FACTS_SHOWN = 5;

function FactsUsed({ facts }: { facts: AssistantTestAnswer['facts'] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? facts : facts.slice(0, FACTS_SHOWN);
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">
        Facts it used <span className="font-normal text-slate-500">({facts.length})</span>
      </h3>
      {facts.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">None: nothing in your portfolio matched this question.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" data-testid="assistant-test-facts">
          {shown.map((fact, index) => (
            <li key={`${fact.source}-${index}`} className="flex items-start gap-2 px-3 py-2" title={fact.label}>
              <span className="mt-0.5 shrink-0 rounded bg-slate-100 px-1.5 text-[11px] font-medium leading-5 text-slate-600">{fact.source}</span>
              <span className="text-slate-700">{fact.text}</span>
            </li>
          ))}
        </ul>
      )}
      {facts.length > FACTS_SHOWN ? (
        <button type="button" onClick={() => setShowAll((all) => !all)} className="mt-2 text-xs font-semibold text-indigo-700 hover:underline">
          {showAll ? 'Show fewer' : `Show all ${facts.length}`}
        </button>
      ) : null}
    </div>
  );
}
