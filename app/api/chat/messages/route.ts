import { resolveChatActor } from '@/chat/server/actor';
import { messagesQuerySchema, queryOf } from '@/chat/server/schemas';
import { listMessages } from '@/chat/server/service';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';

export const dynamic = 'force-dynamic';

/** A page of one conversation, oldest first: `before` pages back, `after` fills a gap forward. */
export const GET = route(async (request) => {
  const query = parseInput(messagesQuerySchema, queryOf(request));
  const actor = await resolveChatActor(request);
  return ok(await listMessages(actor, query));
});
