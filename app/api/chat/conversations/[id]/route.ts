import { requireAdmin } from '@/auth/server/session';
import { conversationPatchSchema } from '@/chat/server/schemas';
import { getConversationDetails, updateConversation } from '@/chat/server/service';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** One conversation as the inbox lists it, plus its visitor's details (first and last seen, page, browser). */
export const GET = route<Context>(async (request, context) => {
  await requireAdmin(request);
  return ok(await getConversationDetails((await context.params).id));
});

/** Status and AI handling of one conversation. */
export const PATCH = route<Context>(async (request, context) => {
  await requireAdmin(request);
  const { id } = await context.params;
  const patch = await readJsonInput(request, conversationPatchSchema);
  return ok(await updateConversation(id, patch));
});
