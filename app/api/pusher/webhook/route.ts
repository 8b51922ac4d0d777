import { ANY_MEDIA_TYPE, readText } from '@/http/server/body';
import { getClientIp } from '@/http/server/client-ip';
import { ok, route } from '@/http/server/response';
import { handleWebhook } from '@/realtime/server/pusher/webhook';

/**
 * The signature covers the exact bytes Pusher sent, so the body is read raw
 * and parsed only once verified; whatever fails verification (content type
 * included) is a 401.
 */
export const POST = route(async (request) => {
  const rawBody = await readText(request, ANY_MEDIA_TYPE);
  const { headers } = request;
  return ok(
    await handleWebhook({
      key: headers.get('x-pusher-key'),
      signature: headers.get('x-pusher-signature'),
      contentType: headers.get('content-type'),
      rawBody,
      ip: getClientIp(request),
    }),
  );
});
