import { requireAdmin } from '@/auth/session';
import { changeChatSettings, chatSettingsPatchSchema, readChatSettings } from '@/chat/settings';
import { readJsonInput } from '@/http/body';
import { ok, route } from '@/http/response';

export const GET = route(async (request) => {
  await requireAdmin(request);
  return ok(await readChatSettings());
});

export const PATCH = route(async (request) => {
  const admin = await requireAdmin(request);
  const patch = await readJsonInput(request, chatSettingsPatchSchema);
  return ok(await changeChatSettings(patch, admin));
});
