import { requireAdmin } from '@/auth/server/session';
import { exportSavedReplies } from '@/chat/server/saved-replies';
import { route } from '@/http/server/response';

export const dynamic = 'force-dynamic';

/**
 * The saved replies as a file to download. Its body is the file itself, not
 * the API's `{ success, data }` envelope, so it goes back to the import as it is.
 */
export const GET = route(async (request) => {
  await requireAdmin(request);
  const file = await exportSavedReplies();
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="saved-replies-${file.exportedAt.slice(0, 10)}.json"`,
    },
  });
});
