import { requireAdmin } from '@/auth/server/session';
import { changeChatSettings, chatSettingsPatchSchema, readChatSettings } from '@/chat/server/settings';
import { readJsonInput } from '@/http/server/body';
import { ok, route } from '@/http/server/response';

export const GET = route(async (request) => {
  await requireAdmin(request);
  return ok(await readChatSettings());
});

export const PATCH = route(async (request) => {
  const admin = await requireAdmin(request);
  const patch = await readJsonInput(request, chatSettingsPatchSchema);
  return ok(await changeChatSettings(patch, admin));
});
