import { signedOutResponse } from '@/auth/server/session';
import { assertSameOrigin } from '@/http/server/origin';
import { route } from '@/http/server/response';

// Stateless sessions: signing out means dropping the cookie, whether or not it was still valid.
export const POST = route(async (request) => {
  assertSameOrigin(request);
  return signedOutResponse();
});
