import { createHash } from 'node:crypto';
import { getRepository } from '@/db';
import type { ChatSession } from '@/db/repository/chat';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Session tokens are stored only as this hash; a database leak does not hand out live sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The live session a visitor token belongs to, or null for a malformed,
 * unknown or expired token. Shared by the HTTP API (X-Session-Token) and the
 * realtime handshake (auth.sessionToken).
 */
export async function findVisitorSession(token: unknown): Promise<ChatSession | null> {
  if (typeof token !== 'string' || !UUID_V4.test(token)) return null;
  return getRepository().getLiveChatSessionByTokenHash({ tokenHash: hashSessionToken(token) });
}
