import { requireAdmin } from '@/auth/server/session';
import { ok, route } from '@/http/server/response';
import { removeSamplePortfolio } from '@/portfolio/server/service';

export const DELETE = route(async (request) => {
  await requireAdmin(request);
  return ok(await removeSamplePortfolio());
});
