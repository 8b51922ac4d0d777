import { resolveChatActor } from '@/chat/server/actor';
import { readInputSchema } from '@/chat/server/schemas';
import { markRead } from '@/chat/server/service';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

export const POST = route(async (request) => {
  const input = await readJsonInput(request, readInputSchema);
  const actor = await resolveChatActor(request);
  return ok(await markRead(actor, input));
});
