import { resolveChatActor } from '@/chat/server/actor';
import { listConversationDevices } from '@/chat/server/devices';
import { deviceConversationSchema, queryOf } from '@/chat/server/schemas';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';

export const dynamic = 'force-dynamic';

/** The browsers a conversation is open in: for its visitor (marking "this browser") and for the owner. */
export const GET = route(async (request) => {
  const { conversationId } = parseInput(deviceConversationSchema, queryOf(request));
  const actor = await resolveChatActor(request);
  return ok({ devices: await listConversationDevices(actor, conversationId) });
});
