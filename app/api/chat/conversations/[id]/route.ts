import { requireAdmin } from '@/auth/session';
import { conversationPatchSchema, idString } from '@/chat/schemas';
import { updateConversation } from '@/chat/service';
import { readJsonInput } from '@/http/body';
import { AppError } from '@/http/errors';
import { ok, route } from '@/http/response';

type Context = { params: Promise<{ id: string }> };

/** Status and AI handling of one conversation; an id that is not a conversation is a 404. */
export const PATCH = route<Context>(async (request, { params }) => {
  await requireAdmin(request);
  const id = idString.safeParse((await params).id);
  if (!id.success) throw new AppError('not_found:conversation', { message: 'Conversation not found.' });
  const patch = await readJsonInput(request, conversationPatchSchema);
  return ok(await updateConversation(id.data, patch));
});
