import { resolveChatActor } from '@/chat/server/actor';
import { deliveredInputSchema } from '@/chat/server/schemas';
import { markDelivered } from '@/chat/server/service';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

/** The ids that changed to delivered (already delivered or read ones are left alone). */
export const POST = route(async (request) => {
  const input = await readJsonInput(request, deliveredInputSchema);
  const actor = await resolveChatActor(request);
  return ok(await markDelivered(actor, input));
});
