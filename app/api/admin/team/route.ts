import { requireAdmin } from '@/auth/server/session';
import { listTeam } from '@/auth/server/team';
import { ok, route } from '@/http/server/response';

export const dynamic = 'force-dynamic';

/** The admins and the invitations still open. */
export const GET = route(async (request) => ok(await listTeam(await requireAdmin(request))));
