import { resolveChatActor } from '@/chat/actor';
import { deliveredInputSchema } from '@/chat/schemas';
import { markDelivered } from '@/chat/service';
import { readJsonInput } from '@/http/body';
import { ok, route } from '@/http/response';

/** The ids that changed to delivered (already delivered or read ones are left alone). */
export const POST = route(async (request) => {
  const input = await readJsonInput(request, deliveredInputSchema);
  const actor = await resolveChatActor(request);
  return ok(await markDelivered(actor, input));
});
