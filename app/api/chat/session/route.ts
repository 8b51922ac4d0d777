import { startVisitorSession } from '@/chat/server/service';
import { sessionInputSchema } from '@/chat/server/schemas';
import { readOptionalJsonInput } from '@/http/server/body';
import { getClientIp } from '@/http/server/client-ip';
import { ok, route } from '@/http/server/response';

/** Starts or resumes a visitor's chat session; an unusable token (or no body at all) simply gets a new one. */
export const POST = route(async (request) => {
  const input = await readOptionalJsonInput(request, sessionInputSchema);
  const session = await startVisitorSession({
    ...input,
    ip: getClientIp(request),
    userAgent: request.headers.get('user-agent'),
    host: request.headers.get('host'),
    acceptLanguage: request.headers.get('accept-language'),
  });
  return ok(session);
});
