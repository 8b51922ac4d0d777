import { requestReply } from '@/ai/service';
import { respondInputSchema } from '@/ai/schemas';
import { requireAdmin } from '@/auth/server/session';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

/** 202: the assistant's reply is queued and arrives over the conversation channel like any other; 409 when it answered already and `regenerate` is not set. */
export const POST = route(async (request) => {
  await requireAdmin(request);
  const { conversationId, regenerate } = await readJsonInput(request, respondInputSchema);
  return ok(await requestReply(conversationId, { regenerate }), { status: 202 });
});
