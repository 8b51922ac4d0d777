import { readJsonInput } from '@/http/server/body';
import { getClientIp } from '@/http/server/client-ip';
import { ok, route } from '@/http/server/response';
import { linkTokenSchema } from '@/auth/schemas';
import { resumeConversationFromLink } from '@/notify/server/visitor-notifications';

/** The "continue in the browser" link of a visitor's mail: a new session bound to that conversation. */
export const POST = route(async (request) => {
  const { token } = await readJsonInput(request, linkTokenSchema);
  return ok(await resumeConversationFromLink(token, { ip: getClientIp(request), userAgent: request.headers.get('user-agent') }));
});
