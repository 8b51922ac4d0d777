import { authenticateAdmin } from '@/auth/login';
import { loginInputSchema } from '@/auth/schemas';
import { signedInResponse } from '@/auth/session';
import { readJsonInput } from '@/http/body';
import { getClientIp } from '@/http/client-ip';
import { assertSameOrigin } from '@/http/origin';
import { route } from '@/http/response';

export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { email, password } = await readJsonInput(request, loginInputSchema);
  const user = await authenticateAdmin({ email, password, ip: getClientIp(request) });
  return signedInResponse(user);
});
