import { unansweredAnswerSchema } from '@/ai/schemas';
import { answerUnansweredQuestion } from '@/ai/unanswered';
import { requireAdmin } from '@/auth/server/session';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';
import { unansweredIdOf, type UnansweredContext } from '../id';

/** "Answer and add to Q&A": stores the pair in the portfolio and marks the question done. */
export const POST = route<UnansweredContext>(async (request, context) => {
  await requireAdmin(request);
  const id = await unansweredIdOf(context);
  const input = await readJsonInput(request, unansweredAnswerSchema);
  return ok(await answerUnansweredQuestion(id, input), { status: 201 });
});
