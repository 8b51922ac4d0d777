import { resolveChatActor } from '@/chat/server/actor';
import { sendInputSchema } from '@/chat/server/schemas';
import { sendMessage } from '@/chat/server/service';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

/**
 * 201 with the stored message. A retry with the same clientMessageId answers
 * 200 with the message stored the first time (nothing new was created).
 */
export const POST = route(async (request) => {
  const input = await readJsonInput(request, sendInputSchema);
  const actor = await resolveChatActor(request);
  const { message, duplicate } = await sendMessage(actor, input);
  return ok(message, { status: duplicate ? 200 : 201 });
});
