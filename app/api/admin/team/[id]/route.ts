import { requireAdmin } from '@/auth/server/session';
import { removeAdmin } from '@/auth/server/team';
import { idString } from '@/chat/server/schemas';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';
import { z } from 'zod';

type Context = { params: Promise<{ id: string }> };

/** Removes an admin: their sessions end and their sockets close at once. */
export const DELETE = route<Context>(async (request, context) => {
  const admin = await requireAdmin(request);
  const { id } = parseInput(z.object({ id: idString }), await context.params);
  await removeAdmin(admin, id);
  return ok({ removed: true });
});
