import { requireAdmin } from '@/auth/session';
import { ok, route } from '@/http/response';
import { removeSamplePortfolio } from '@/portfolio/service';

export const DELETE = route(async (request) => {
  await requireAdmin(request);
  return ok(await removeSamplePortfolio());
});
