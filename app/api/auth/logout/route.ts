import { signedOutResponse } from '@/auth/session';
import { assertSameOrigin } from '@/http/origin';
import { route } from '@/http/response';

// Stateless sessions: signing out means dropping the cookie, whether or not it was still valid.
export const POST = route(async (request) => {
  assertSameOrigin(request);
  return signedOutResponse();
});
