import { unansweredPatchSchema } from '@/ai/schemas';
import { changeUnansweredQuestionStatus } from '@/ai/unanswered';
import { requireAdmin } from '@/auth/server/session';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';
import { unansweredIdOf, type UnansweredContext } from './id';

/** Marks a question done, dismissed, or open again. */
export const PATCH = route<UnansweredContext>(async (request, context) => {
  await requireAdmin(request);
  const id = await unansweredIdOf(context);
  const { status } = await readJsonInput(request, unansweredPatchSchema);
  return ok(await changeUnansweredQuestionStatus(id, status));
});
