import { resolveChatActor } from '@/chat/server/actor';
import { ok, route } from '@/http/server/response';
import { areAdminsOnline } from '@/realtime/server/pusher/presence';

export const dynamic = 'force-dynamic';

/** `{ online }`: whether the owner is in the admin presence channel (for visitors' "online" hint). */
export const GET = route(async (request) => {
  await resolveChatActor(request);
  return ok({ online: await areAdminsOnline() }, { headers: { 'Cache-Control': 'no-store' } });
});
