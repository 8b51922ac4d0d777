import { requireAdmin } from '@/auth/server/session';
import { importSavedReplies } from '@/chat/server/saved-replies';
import { savedRepliesFileSchema } from '@/chat/server/schemas';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

export const dynamic = 'force-dynamic';

/** A full file of the longest replies is larger than MAX_BODY_BYTES allows other bodies. */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/**
 * Takes an export file back, validated whole (400 with each wrong field's
 * path, e.g. `replies.3.shortcut`); see importSavedReplies for how replies
 * already saved are matched.
 */
export const POST = route(async (request) => {
  await requireAdmin(request);
  const file = await readJsonInput(request, savedRepliesFileSchema, MAX_IMPORT_BYTES);
  return ok(await importSavedReplies(file));
});
