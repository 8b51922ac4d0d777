import { requireAdmin } from '@/auth/server/session';
import { createSavedReply, listSavedReplies } from '@/chat/server/saved-replies';
import { savedReplyInputSchema } from '@/chat/server/schemas';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

export const dynamic = 'force-dynamic';

/** The owner's saved replies, oldest first. */
export const GET = route(async (request) => {
  await requireAdmin(request);
  return ok(await listSavedReplies());
});

/** Saves a new reply; a shortcut another reply has is 409 `conflict:saved_reply`, as is one reply past the cap. */
export const POST = route(async (request) => {
  await requireAdmin(request);
  const input = await readJsonInput(request, savedReplyInputSchema);
  return ok(await createSavedReply(input), { status: 201 });
});
