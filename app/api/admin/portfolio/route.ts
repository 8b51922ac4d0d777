import { requireAdmin } from '@/auth/server/session';
import { readJson } from '@/http/server/body';
import { ok, route } from '@/http/server/response';
import { getPortfolioDocument, replacePortfolioDocument } from '@/portfolio/server/service';

/** The portfolio is small; a whole document fits comfortably in 512 KB. */
const MAX_PORTFOLIO_BYTES = 512 * 1024;

export const GET = route(async (request) => {
  await requireAdmin(request);
  return ok(await getPortfolioDocument());
});

export const PUT = route(async (request) => {
  await requireAdmin(request);
  const input = await readJson(request, MAX_PORTFOLIO_BYTES);
  return ok(await replacePortfolioDocument(input));
});
