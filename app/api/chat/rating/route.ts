import { resolveChatActor } from '@/chat/server/actor';
import { ratingInputSchema } from '@/chat/server/schemas';
import { rateConversation } from '@/chat/server/service';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

/** The visitor rates its own resolved conversation (1–5, an optional comment), once per resolution. */
export const POST = route(async (request) => {
  const input = await readJsonInput(request, ratingInputSchema);
  const actor = await resolveChatActor(request);
  return ok(await rateConversation(actor, input));
});
