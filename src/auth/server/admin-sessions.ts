import { randomBytes } from 'node:crypto';
import { getRepository } from '@/db';
import { logger } from '@/logger';
import { getBroadcaster } from '@/realtime/server/broadcaster';
import { ADMIN_SESSION_SECONDS, signAdminToken, verifyAdminToken, type AdminSession } from './jwt';

/*
 * Revocable admin sessions. A signed token alone is not enough: it must name
 * a session row that is still there, so signing out (one row), "sign out
 * everywhere" and a password reset (all of a user's rows) end it at once for
 * every request and handshake. The check is one primary-key read joined with
 * the user, the same single read the "does this admin still exist" check cost
 * before, so no cache is needed and there is none to keep in step across
 * instances. No Next.js imports: the Socket.IO handshake uses it too.
 */

/** Opens a session for the user and returns the token for its cookie. */
export async function openAdminSession(user: { id: number; name: string; email: string }): Promise<string> {
  const sessionId = randomBytes(24).toString('base64url');
  await getRepository().createAdminSession({
    id: sessionId,
    userId: user.id,
    expiresAt: new Date(Date.now() + ADMIN_SESSION_SECONDS * 1000),
  });
  return signAdminToken({ userId: user.id, email: user.email, name: user.name, sessionId });
}

/**
 * The live session a cookie's token names, with the user's current name and
 * email (a renamed admin sees the new ones), or null: bad signature, expired,
 * signed out, revoked, or the account is gone.
 */
export async function adminSessionForToken(token: string | undefined): Promise<AdminSession | null> {
  const claims = await verifyAdminToken(token);
  if (!claims) return null;
  const row = await getRepository().getAdminSessionById({ id: claims.sessionId });
  if (!row || row.userId !== claims.userId) return null;
  return { userId: row.userId, email: row.email, name: row.name, sessionId: row.sessionId };
}

/**
 * Ends one session, or every session of its user, then closes the admin
 * sockets that were opened with them (on every instance: the Socket.IO
 * adapter carries the disconnect through Redis).
 */
export async function revokeAdminSessions(session: AdminSession, scope: 'this' | 'everywhere'): Promise<void> {
  const repository = getRepository();
  if (scope === 'everywhere') await repository.deleteAdminSessionsByUserId({ userId: session.userId });
  else await repository.deleteAdminSessionById({ id: session.sessionId });
  const target = scope === 'everywhere' ? { userId: session.userId } : { sessionId: session.sessionId };
  // The rows are gone, so no request or handshake passes any more; a socket left open is cut by the sweep.
  await getBroadcaster()
    .disconnectAdmins?.(target)
    .catch((error: unknown) => logger.error({ err: error }, 'realtime: revoked admin sockets not disconnected'));
}
