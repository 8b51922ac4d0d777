'use client';

import { useCallback, useEffect, useState } from 'react';
import { useChannelEvent } from '@/chat/ui';
import { ADMIN_NOTIFICATIONS_CHANNEL } from '@/realtime/channels';
import { onReconnect, useAdminRealtime } from './admin-realtime';
import { answerUnansweredQuestion, changeUnansweredQuestion, fetchUnansweredQuestions } from './api';
import type { UnansweredQuestion } from './types';

export type UnansweredQuestions = {
  questions: UnansweredQuestion[];
  state: 'loading' | 'ready' | 'error';
  error: string | null;
  refresh: () => void;
  /** Resolve to an error message, or null once the question has left the open list. */
  dismiss: (id: number) => Promise<string | null>;
  answer: (id: number, input: { answer: string; question?: string; language?: 'en' | 'id' }) => Promise<string | null>;
};

/**
 * The open unanswered questions, most recently asked first. Read again when
 * the assistant hands a conversation over (a new question, or a count going
 * up) and after a reconnect.
 */
export function useUnansweredQuestions(): UnansweredQuestions {
  const { connector } = useAdminRealtime();
  const [questions, setQuestions] = useState<UnansweredQuestion[]>([]);
  const [state, setState] = useState<UnansweredQuestions['state']>('loading');
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    void fetchUnansweredQuestions('open').then((result) => {
      if (result.success) {
        setQuestions(result.data.questions);
        setState('ready');
        setError(null);
      } else {
        setState('error');
        setError(result.error);
      }
    });
  }, []);

  useEffect(refresh, [refresh]);
  useEffect(() => onReconnect(connector, refresh), [connector, refresh]);
  useChannelEvent(connector, ADMIN_NOTIFICATIONS_CHANNEL, 'new-message-alert', ({ message }) => {
    if (message.senderType === 'ai' && message.metadata?.handover === true) refresh();
  });

  const leave = useCallback((id: number) => setQuestions((known) => known.filter((question) => question.id !== id)), []);
  const dismiss = useCallback(
    async (id: number) => {
      const result = await changeUnansweredQuestion(id, 'dismissed');
      if (!result.success) return result.error;
      leave(id);
      return null;
    },
    [leave],
  );
  const answer = useCallback<UnansweredQuestions['answer']>(
    async (id, input) => {
      const result = await answerUnansweredQuestion(id, input);
      if (!result.success) return result.fields ? Object.values(result.fields).flat().join(' ') : result.error;
      leave(id);
      return null;
    },
    [leave],
  );

  return { questions, state, error, refresh, dismiss, answer };
}
