import { requireAdmin } from '@/auth/server/session';
import { conversationsQuerySchema, queryOf } from '@/chat/server/schemas';
import { listConversations } from '@/chat/server/service';
import { ok, parseInput, route } from '@/http/server/response';

export const dynamic = 'force-dynamic';

/** The admin inbox. */
export const GET = route(async (request) => {
  await requireAdmin(request);
  const query = parseInput(conversationsQuerySchema, queryOf(request));
  return ok(await listConversations(query));
});
