import { NextResponse } from 'next/server';
import { resolveChatActor } from '@/chat/server/actor';
import { readFormInput } from '@/http/server/body';
import { route } from '@/http/server/response';
import { authenticateUser } from '@/realtime/server/pusher/authorize';
import { userAuthenticationSchema } from '@/realtime/server/pusher/schemas';

/** Answers in Pusher's own shape (`{ auth, user_data }`), which pusher-js reads as it is. */
export const POST = route(async (request) => {
  const input = await readFormInput(request, userAuthenticationSchema);
  const actor = await resolveChatActor(request);
  return NextResponse.json(authenticateUser(actor, input), { headers: { 'Cache-Control': 'no-store' } });
});
