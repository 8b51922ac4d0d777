import { claimDeviceLink } from '@/chat/server/devices';
import { readJsonInput } from '@/http/server/body';
import { getClientIp } from '@/http/server/client-ip';
import { ok, route } from '@/http/server/response';
import { linkTokenSchema } from '@/auth/schemas';

/** A device link opened in another browser: a new session on its conversation, once. */
export const POST = route(async (request) => {
  const { token } = await readJsonInput(request, linkTokenSchema);
  return ok(await claimDeviceLink(token, { ip: getClientIp(request), userAgent: request.headers.get('user-agent') }));
});
