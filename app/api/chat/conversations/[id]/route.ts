import { requireAdmin } from '@/auth/server/session';
import { conversationPatchSchema, idString } from '@/chat/server/schemas';
import { getConversationDetails, updateConversation } from '@/chat/server/service';
import { readJsonInput } from '@/http/server/body';
import { AppError } from '@/http/errors';
import { ok, route } from '@/http/server/response';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** An id that is not a conversation, malformed or unknown, is the same 404. */
async function conversationIdOf(context: Context): Promise<number> {
  const id = idString.safeParse((await context.params).id);
  if (!id.success) throw new AppError('not_found:conversation', { message: 'Conversation not found.' });
  return id.data;
}

/** One conversation as the inbox lists it, plus its visitor's details (first and last seen, page, browser). */
export const GET = route<Context>(async (request, context) => {
  await requireAdmin(request);
  return ok(await getConversationDetails(await conversationIdOf(context)));
});

/** Status and AI handling of one conversation. */
export const PATCH = route<Context>(async (request, context) => {
  await requireAdmin(request);
  const id = await conversationIdOf(context);
  const patch = await readJsonInput(request, conversationPatchSchema);
  return ok(await updateConversation(id, patch));
});
