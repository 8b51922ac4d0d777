import { resolveChatActor } from '@/chat/actor';
import { readInputSchema } from '@/chat/schemas';
import { markRead } from '@/chat/service';
import { readJsonInput } from '@/http/body';
import { ok, route } from '@/http/response';

export const POST = route(async (request) => {
  const input = await readJsonInput(request, readInputSchema);
  const actor = await resolveChatActor(request);
  return ok(await markRead(actor, input));
});
