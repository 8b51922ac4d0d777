import type Pusher from 'pusher';
import type { ChatActor } from '@/chat/server/actor';
import { getRepository } from '@/db';
import { AppError } from '@/http/errors';
import { logSecurityEvent } from '@/logger';
import { mayJoinChannel, mayVisitorJoinChannel } from '../access';
import { ADMIN_PRESENCE_CHANNEL, conversationIdOfChannel } from '../../channels';
import type { ChannelAuthorization, UserAuthentication } from './schemas';
import { requirePusher } from './rest-publisher';
import { pusherUserIdOfAdmin, pusherUserIdOfVisitorSession } from './users';

/**
 * Signs a private or presence subscription per Pusher's authorization spec
 * (HMAC-SHA256 of `socket_id:channel_name[:channel_data]` with the app
 * secret), under the same ownership rule as the Socket.IO path. Admins join
 * the presence channel as themselves (id and name), which is what visitors
 * see as "the owner is online". A visitor subscribing to its conversation is
 * a visitor seen now.
 */
export async function authorizeChannel(actor: ChatActor, { socket_id, channel_name }: ChannelAuthorization): Promise<Pusher.ChannelAuthResponse> {
  const pusher = requirePusher();
  const allowed = actor.kind === 'admin' ? mayJoinChannel({ role: 'admin' }, channel_name) : await mayVisitorJoinChannel(actor.session, channel_name);
  if (!allowed) {
    logSecurityEvent('realtime subscription refused', { ip: actor.ip, role: actor.kind, channel: channel_name, transport: 'pusher' });
    throw new AppError('forbidden:channel', { message: 'You may not subscribe to this channel.' });
  }
  if (actor.kind === 'admin') {
    if (channel_name !== ADMIN_PRESENCE_CHANNEL) return pusher.authorizeChannel(socket_id, channel_name);
    return pusher.authorizeChannel(socket_id, channel_name, { user_id: String(actor.admin.userId), user_info: { name: actor.admin.name } });
  }
  await getRepository().touchConversationVisitorSeenById({ id: conversationIdOfChannel(channel_name)!, at: new Date() });
  return pusher.authorizeChannel(socket_id, channel_name);
}

/**
 * Signs the connection in as its visitor session or admin (Pusher's user
 * authentication: HMAC-SHA256 of `socket_id::user::user_data`), so the server
 * can end that connection when the session is signed out or the admin removed.
 */
export function authenticateUser(actor: ChatActor, { socket_id }: UserAuthentication): Pusher.UserAuthResponse {
  const id = actor.kind === 'admin' ? pusherUserIdOfAdmin(actor.admin.userId) : pusherUserIdOfVisitorSession(actor.session.id);
  return requirePusher().authenticateUser(socket_id, { id });
}
