import { requireAdmin } from '@/auth/server/session';
import { deleteSavedReply, updateSavedReply } from '@/chat/server/saved-replies';
import { savedReplyIdSchema, savedReplyPatchSchema } from '@/chat/server/schemas';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';

type Context = { params: Promise<{ id: string }> };

/** Changes a reply's title, text or shortcut (`null` or "" removes the shortcut). */
export const PATCH = route<Context>(async (request, context) => {
  await requireAdmin(request);
  const { id } = parseInput(savedReplyIdSchema, await context.params);
  const patch = await readJsonInput(request, savedReplyPatchSchema);
  return ok(await updateSavedReply(id, patch));
});

export const DELETE = route<Context>(async (request, context) => {
  await requireAdmin(request);
  const { id } = parseInput(savedReplyIdSchema, await context.params);
  await deleteSavedReply(id);
  return ok({ deleted: true });
});
