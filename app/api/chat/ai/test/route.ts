import { testAssistant } from '@/ai/assistant';
import { testInputSchema } from '@/ai/schemas';
import { requireAdmin } from '@/auth/server/session';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

/** The settings page's "test the assistant" box: an answer and the facts behind it, with no conversation created. */
export const POST = route(async (request) => {
  await requireAdmin(request);
  const { question } = await readJsonInput(request, testInputSchema);
  return ok(await testAssistant(question));
});
