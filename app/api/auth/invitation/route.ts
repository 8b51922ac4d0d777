import { acceptInvitationSchema } from '@/auth/schemas';
import { signedInResponse } from '@/auth/server/session';
import { acceptInvitation } from '@/auth/server/team';
import { readJsonInput } from '@/http/server/body';
import { getClientIp } from '@/http/server/client-ip';
import { assertSameOrigin } from '@/http/server/origin';
import { route } from '@/http/server/response';

/** An invitation accepted: the new admin, signed in. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await readJsonInput(request, acceptInvitationSchema);
  return signedInResponse(await acceptInvitation({ ...input, ip: getClientIp(request) }));
});
