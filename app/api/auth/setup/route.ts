import { setupInputSchema } from '@/auth/schemas';
import { signedInResponse } from '@/auth/session';
import { createFirstAdmin } from '@/auth/setup';
import { readJsonInput } from '@/http/body';
import { assertSameOrigin } from '@/http/origin';
import { route } from '@/http/response';

export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await readJsonInput(request, setupInputSchema);
  return signedInResponse(await createFirstAdmin(input));
});
