import { requireAdmin } from '@/auth/server/session';
import { queryOf } from '@/chat/server/schemas';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';
import { insightsQuerySchema } from '@/insights/schemas';
import { readInsights } from '@/insights/server/insights';

export const dynamic = 'force-dynamic';

/** The Insights page's figures for the last `days` UTC days (7, 30 or 90; 30 by default). */
export const GET = route(async (request) => {
  await requireAdmin(request);
  const { days } = parseInput(insightsQuerySchema, queryOf(request));
  return ok(await readInsights(days));
});
