'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Locale } from '@/chat/ui/i18n';
import { currentChatLocale } from '@/chat/ui/preferences';
import { startVisitorSession, takeResumeLink, type VisitorSession } from './visitor-api';
import { readStoredSession, writeStoredSession } from './visitor-storage';

const SESSION_RETRY_MS = 3_000;

export type VisitorSessionState = {
  session: VisitorSession | null;
  conversationId: string | null;
  /** The session as of now, for callbacks that outlive a render (the outbox's sends). */
  current: () => VisitorSession | null;
  /** Resumes the stored session, or starts a new one when it expired. */
  renew: () => Promise<VisitorSession>;
  /**
   * The stored session was refused and a new one started, so the conversation it had is no longer
   * open here (another device signed this browser out, or the session expired).
   */
  signedOut: boolean;
  /** The first message created the conversation: remember it with the session. */
  joinConversation: (conversationId: string) => void;
};

/** Calls `renew` until it succeeds, again every few seconds after a failure (offline, the server away); returns the stop. */
export function renewUntilDone(renew: () => Promise<unknown>): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = () =>
    renew().catch(() => {
      if (!stopped) timer = setTimeout(attempt, SESSION_RETRY_MS);
    });
  void attempt();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/**
 * The visitor's chat session: from a mail's resume link, else resumed from localStorage (or started) once
 * `enabled`, retried every few seconds while that fails (offline at load).
 * Its texts (welcome, offline, suggested questions) are in the chat's
 * language, asked again when the visitor switches it (`locale`).
 */
export function useVisitorSession(enabled: boolean, locale: Locale): VisitorSessionState {
  const [session, setSession] = useState<VisitorSession | null>(null);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const latest = useRef<VisitorSession | null>(null);

  const renew = useCallback(async (): Promise<VisitorSession> => {
    const resumed = latest.current ? null : await takeResumeLink();
    const previous = latest.current ? { token: latest.current.sessionToken, conversationId: latest.current.conversationId } : readStoredSession();
    const started = await startVisitorSession(resumed ?? previous?.token ?? null, currentChatLocale());
    setSignedOut(!resumed && Boolean(previous?.conversationId) && started.sessionToken !== previous?.token);
    latest.current = started;
    writeStoredSession({ token: started.sessionToken, conversationId: started.conversationId });
    setSession(started);
    setConversationId(started.conversationId);
    return started;
  }, []);

  useEffect(() => {
    if (!enabled || session) return;
    return renewUntilDone(renew);
  }, [enabled, session, renew]);

  const sessionLocale = session?.locale;
  useEffect(() => {
    if (sessionLocale && sessionLocale !== locale) void renew().catch(() => undefined);
  }, [sessionLocale, locale, renew]);

  const joinConversation = useCallback((id: string) => {
    setConversationId(id);
    setSignedOut(false);
    const current = latest.current;
    if (current && current.conversationId !== id) {
      latest.current = { ...current, conversationId: id };
      writeStoredSession({ token: current.sessionToken, conversationId: id });
    }
  }, []);

  const current = useCallback(() => latest.current, []);
  return { session, conversationId, current, renew, signedOut, joinConversation };
}
