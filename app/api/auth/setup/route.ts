import { setupInputSchema } from '@/auth/schemas';
import { signedInResponse } from '@/auth/server/session';
import { createFirstAdmin } from '@/auth/server/setup';
import { readJsonInput } from '@/http/server/body';
import { assertSameOrigin } from '@/http/server/origin';
import { route } from '@/http/server/response';

export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await readJsonInput(request, setupInputSchema);
  return signedInResponse(await createFirstAdmin(input));
});
