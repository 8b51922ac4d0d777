import { requireAdmin, type AdminSession } from '@/auth/server/session';
import type { ChatSession } from '@/db/repository/chat';
import { getClientIp } from '@/http/server/client-ip';
import { AppError } from '@/http/errors';
import { logSecurityEvent } from '@/logger';
import { SESSION_TOKEN_HEADER } from '@/shared/names';
import { findVisitorSession } from './visitor-session';

/** Who is calling a chat route: a visitor by its session token, or the signed-in admin. */
export type ChatActor = { kind: 'visitor'; session: ChatSession; ip: string } | { kind: 'admin'; admin: AdminSession; ip: string };

/**
 * A request carrying `X-Session-Token` is a visitor's, whatever cookies come
 * with it; a token that is malformed, unknown or expired is refused with
 * `unauthorized:session`, which tells the widget to start a new session.
 * Without the header only an admin session (cookie, same origin) is accepted.
 */
export async function resolveChatActor(request: Request): Promise<ChatActor> {
  const ip = getClientIp(request);
  const token = request.headers.get(SESSION_TOKEN_HEADER);
  if (token !== null) {
    const session = await findVisitorSession(token.trim());
    if (!session) {
      logSecurityEvent('chat session token refused', { ip, path: new URL(request.url).pathname });
      throw new AppError('unauthorized:session', { message: 'Your chat session has expired. Start a new one.' });
    }
    return { kind: 'visitor', session, ip };
  }
  return { kind: 'admin', admin: await requireAdmin(request), ip };
}
