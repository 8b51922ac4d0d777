import { authenticateAdmin } from '@/auth/server/login';
import { loginInputSchema } from '@/auth/schemas';
import { signedInResponse } from '@/auth/server/session';
import { readJsonInput } from '@/http/server/body';
import { getClientIp } from '@/http/server/client-ip';
import { assertSameOrigin } from '@/http/server/origin';
import { route } from '@/http/server/response';

export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { email, password } = await readJsonInput(request, loginInputSchema);
  const user = await authenticateAdmin({ email, password, ip: getClientIp(request) });
  return signedInResponse(user);
});
