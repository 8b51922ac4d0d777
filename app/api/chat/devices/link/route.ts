import { resolveChatActor } from '@/chat/server/actor';
import { createDeviceLink } from '@/chat/server/devices';
import { deviceConversationSchema } from '@/chat/server/schemas';
import { readJsonInput } from '@/http/server/body';
import { siteOriginOf } from '@/http/server/origin';
import { ok, route } from '@/http/server/response';

/** "Continue on another device": a single-use, 15-minute link (and its QR code) to the visitor's own conversation. */
export const POST = route(async (request) => {
  const { conversationId } = await readJsonInput(request, deviceConversationSchema);
  const actor = await resolveChatActor(request);
  return ok(await createDeviceLink(actor, conversationId, siteOriginOf(request)));
});
