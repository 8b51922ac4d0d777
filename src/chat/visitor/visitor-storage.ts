import { isConversationId } from '@/chat/conversation-id';
import { readStored, writeStored } from '@/chat/ui/stored-value';
import { STORAGE_KEYS } from '@/shared/names';

/*
 * What the visitor's browser remembers about its chat, in localStorage: the
 * session (so reopening the site shows the whole history), the optional
 * name/email, and the outbox (see outbox.ts).
 */

export type StoredSession = { token: string; conversationId: string | null };
export type VisitorProfile = { name: string; email: string; state: 'ask' | 'saved' | 'dismissed' };

function readJson(key: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(readStored(key) ?? 'null') as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function readStoredSession(): StoredSession | null {
  const value = readJson(STORAGE_KEYS.chatSession);
  if (!value || typeof value.token !== 'string') return null;
  return { token: value.token, conversationId: isConversationId(value.conversationId) ? value.conversationId : null };
}

export function writeStoredSession(session: StoredSession): void {
  writeStored(STORAGE_KEYS.chatSession, JSON.stringify(session));
}

/** Whether this browser has chatted before (the widget then connects at once, for the unread badge). */
export function hasStoredConversation(): boolean {
  return readStoredSession()?.conversationId != null;
}

export function readProfile(): VisitorProfile {
  const value = readJson(STORAGE_KEYS.chatProfile);
  const state = value?.state === 'saved' || value?.state === 'dismissed' ? value.state : 'ask';
  return {
    name: typeof value?.name === 'string' ? value.name : '',
    email: typeof value?.email === 'string' ? value.email : '',
    state,
  };
}

export function writeProfile(profile: VisitorProfile): void {
  writeStored(STORAGE_KEYS.chatProfile, JSON.stringify(profile));
}
