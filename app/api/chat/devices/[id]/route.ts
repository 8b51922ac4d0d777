import { resolveChatActor } from '@/chat/server/actor';
import { signOutDevice } from '@/chat/server/devices';
import { deviceConversationSchema, deviceIdSchema, queryOf } from '@/chat/server/schemas';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Signs one device out of the conversation: its session ends and its realtime connection closes at once. */
export const DELETE = route<Context>(async (request, context) => {
  const { id } = parseInput(deviceIdSchema, await context.params);
  const { conversationId } = parseInput(deviceConversationSchema, queryOf(request));
  const actor = await resolveChatActor(request);
  await signOutDevice(actor, conversationId, id);
  return ok({ signedOut: true });
});
