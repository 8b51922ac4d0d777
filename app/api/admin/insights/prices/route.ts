import { requireAdmin } from '@/auth/server/session';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';
import { modelPriceSchema } from '@/insights/schemas';
import { setModelPrice } from '@/insights/server/insights';

/** Sets what a model costs per million tokens (the estimate on the Insights page). */
export const PUT = route(async (request) => {
  await requireAdmin(request);
  const input = await readJsonInput(request, modelPriceSchema);
  return ok(await setModelPrice(input));
});
