import { invitationInputSchema } from '@/auth/schemas';
import { requireAdmin } from '@/auth/server/session';
import { inviteAdmin } from '@/auth/server/team';
import { readJsonInput } from '@/http/server/body';
import { siteOriginOf } from '@/http/server/origin';
import { ok, route } from '@/http/server/response';

/** A single-use link (a week) for `email` to join the team. */
export const POST = route(async (request) => {
  const admin = await requireAdmin(request);
  const { email } = await readJsonInput(request, invitationInputSchema);
  return ok(await inviteAdmin(admin, email, siteOriginOf(request)), { status: 201 });
});
