import { createHash, randomUUID } from 'node:crypto';
import { env } from '@/config/env';
import { getRepository } from '@/db';
import type { ChatSession, Conversation } from '@/db/repository/chat';
import { createProcessCache } from '@/server/process-cache';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Session tokens are stored only as this hash; a database leak does not hand out live sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_USER_AGENT_LENGTH = 512;

/** When a session created or used at `now` expires (it slides with every use). */
export function sessionExpiryFrom(now: Date): Date {
  return new Date(now.getTime() + env.CHAT_SESSION_EXPIRY_DAYS * DAY_MS);
}

/** Where a session was opened from: kept with it for the visitor details and the device list. */
export type SessionOrigin = { ip: string; userAgent: string | null };

export const sessionOriginColumns = ({ ip, userAgent }: SessionOrigin) => ({
  ipAddress: ip === 'unknown' ? null : ip,
  userAgent: userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
});

/**
 * A new session bound to an existing conversation, for a signed link (the
 * mail's "continue in the browser", another device's "continue here"): an
 * existing session's token is never handed out. Counts as the visitor being
 * seen, so the next reply can be mailed again.
 */
export async function openSessionOnConversation(
  conversation: Pick<Conversation, 'id' | 'visitorId'>,
  origin: SessionOrigin,
): Promise<{ sessionToken: string; conversationId: string; expiresAt: string }> {
  const repository = getRepository();
  const sessionToken = randomUUID();
  const now = new Date();
  const session = await repository.createChatSession({
    tokenHash: hashSessionToken(sessionToken),
    visitorId: conversation.visitorId,
    expiresAt: sessionExpiryFrom(now),
    ...sessionOriginColumns(origin),
  });
  await repository.bindChatSessionToConversationById({ id: session.id, conversationId: conversation.id });
  await repository.touchConversationVisitorSeenById({ id: conversation.id, at: now });
  return { sessionToken, conversationId: conversation.id, expiresAt: session.expiresAt.toISOString() };
}

/**
 * How long a session read may answer a visitor's requests without asking
 * the database again, when no write forgot it first (an instance that missed
 * the signal, or runs without Redis). Expiry is checked on every hit.
 */
export const VISITOR_SESSION_MAX_AGE_MS = 10_000;
/** A reconnect storm is thousands of visitors at once; past this many sessions the oldest are forgotten. */
const MAX_CACHED_SESSIONS = 10_000;

const isLive = (session: ChatSession | null, now: number): session is ChatSession => session !== null && session.expiresAt.getTime() > now;

/** Live sessions by token hash; unknown and expired tokens are not kept, so they always ask the database. */
const visitorSessions = createProcessCache<ChatSession | null>({
  name: 'visitor-session',
  load: (tokenHash) => getRepository().getLiveChatSessionByTokenHash({ tokenHash }),
  maxAgeMs: VISITOR_SESSION_MAX_AGE_MS,
  maxEntries: MAX_CACHED_SESSIONS,
  isUsable: isLive,
});

/**
 * The live session a visitor token belongs to, or null for a malformed,
 * unknown or expired token. Shared by the HTTP API (X-Session-Token) and the
 * realtime handshake (auth.sessionToken).
 */
export async function findVisitorSession(token: unknown): Promise<ChatSession | null> {
  if (typeof token !== 'string' || !UUID_V4.test(token)) return null;
  return findVisitorSessionByTokenHash(hashSessionToken(token));
}

/** The same, for a caller that kept only the hash (a socket, between its events). */
export async function findVisitorSessionByTokenHash(tokenHash: string): Promise<ChatSession | null> {
  const session = await visitorSessions.get(tokenHash);
  // A session read before it expired is refused from the moment it does, however fresh the read.
  return isLive(session, Date.now()) ? session : null;
}

/** After a write to the session committed (its expiry slid, it was bound to a conversation): every instance reads it again. */
export function forgetVisitorSession(session: Pick<ChatSession, 'tokenHash'>): Promise<void> {
  return visitorSessions.invalidate(session.tokenHash);
}

/**
 * The session, read again, when it is bound to `conversationId`; null when
 * it is not (or no longer live). For a cached session that names another
 * conversation before refusing: a binding only ever moves to a conversation
 * the session itself created (its first message, or one after a closed
 * conversation), and that may have happened on another instance a moment
 * ago. A cached binding can therefore only be stale in the refusing
 * direction, never let a visitor into a conversation that is not theirs.
 */
export async function visitorSessionBoundTo(session: ChatSession, conversationId: string): Promise<ChatSession | null> {
  if (session.conversationId === conversationId) return session;
  const fresh = await visitorSessions.reload(session.tokenHash);
  return isLive(fresh, Date.now()) && fresh.conversationId === conversationId ? fresh : null;
}
