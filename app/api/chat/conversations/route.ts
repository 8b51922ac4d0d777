import { requireAdmin } from '@/auth/session';
import { conversationsQuerySchema, queryOf } from '@/chat/schemas';
import { listConversations } from '@/chat/service';
import { ok, parseInput, route } from '@/http/response';

export const dynamic = 'force-dynamic';

/** The admin inbox. */
export const GET = route(async (request) => {
  await requireAdmin(request);
  const query = parseInput(conversationsQuerySchema, queryOf(request));
  return ok(await listConversations(query));
});
