import { unansweredQuerySchema } from '@/ai/schemas';
import { listUnansweredQuestions } from '@/ai/unanswered';
import { requireAdmin } from '@/auth/server/session';
import { queryOf } from '@/chat/server/schemas';
import { ok, route } from '@/http/server/response';
import { parseInput } from '@/http/server/validation';

export const dynamic = 'force-dynamic';

/** The questions the assistant handed over, newest asking first (`status` open by default, or done, dismissed, all). */
export const GET = route(async (request) => {
  await requireAdmin(request);
  const { status } = parseInput(unansweredQuerySchema, queryOf(request));
  return ok(await listUnansweredQuestions(status));
});
