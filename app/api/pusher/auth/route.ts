import { NextResponse } from 'next/server';
import { resolveChatActor } from '@/chat/server/actor';
import { readFormInput } from '@/http/server/body';
import { route } from '@/http/server/response';
import { authorizeChannel } from '@/realtime/server/pusher/authorize';
import { channelAuthorizationSchema } from '@/realtime/server/pusher/schemas';

/** Answers in Pusher's own shape (`{ auth, channel_data? }`), which its clients read as it is. */
export const POST = route(async (request) => {
  const input = await readFormInput(request, channelAuthorizationSchema);
  const actor = await resolveChatActor(request);
  return NextResponse.json(await authorizeChannel(actor, input), { headers: { 'Cache-Control': 'no-store' } });
});
