import { requireAdmin } from '@/auth/server/session';
import { cancelInvitation } from '@/auth/server/team';
import { idString } from '@/chat/server/schemas';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';
import { z } from 'zod';

type Context = { params: Promise<{ id: string }> };

/** Cancels an invitation nobody used yet: its link stops working. */
export const DELETE = route<Context>(async (request, context) => {
  await requireAdmin(request);
  const { id } = parseInput(z.object({ id: idString }), await context.params);
  await cancelInvitation(id);
  return ok({ cancelled: true });
});
