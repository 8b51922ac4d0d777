import { requireAdmin } from '@/auth/server/session';
import { conversationsQuerySchema, queryOf } from '@/chat/server/schemas';
import { listConversations } from '@/chat/server/service';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';

export const dynamic = 'force-dynamic';

/** The admin inbox. */
export const GET = route(async (request) => {
  const admin = await requireAdmin(request);
  const query = parseInput(conversationsQuerySchema, queryOf(request));
  return ok(await listConversations(query, admin));
});
