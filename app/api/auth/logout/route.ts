import { revokeAdminSessions } from '@/auth/server/admin-sessions';
import { logoutInputSchema } from '@/auth/schemas';
import { sessionFromRequest, signedOutResponse } from '@/auth/server/session';
import { AppError } from '@/http/errors';
import { readOptionalJsonInput } from '@/http/server/body';
import { getClientIp } from '@/http/server/client-ip';
import { assertSameOrigin } from '@/http/server/origin';
import { route } from '@/http/server/response';
import { logSecurityEvent } from '@/logger';

/**
 * Ends this session (the cookie stops working on every request and socket at
 * once), or with `{ everywhere: true }` every session of this admin. Signing
 * out without a live session still drops the cookie; signing out everywhere
 * needs one.
 */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { everywhere } = await readOptionalJsonInput(request, logoutInputSchema);
  const session = await sessionFromRequest(request);
  if (!session) {
    if (everywhere) throw new AppError('unauthorized:auth');
    return signedOutResponse();
  }
  await revokeAdminSessions(session, everywhere ? 'everywhere' : 'this');
  logSecurityEvent('admin signed out', { ip: getClientIp(request), userId: session.userId, everywhere });
  return signedOutResponse();
});
