import { visitorSessionBoundTo } from '@/chat/server/visitor-session';
import type { ChatSession } from '@/db/repository/chat';
import { ADMIN_NOTIFICATIONS_CHANNEL, ADMIN_PRESENCE_CHANNEL, conversationIdOfChannel } from '../channels';

/** Who asks to join a channel, as far as the rules care: an admin, or a visitor and the conversation its session is bound to. */
export type ChannelMember = { role: 'admin' } | { role: 'visitor'; conversationId: string | null };

/**
 * The one ownership rule every transport enforces (Socket.IO's subscribe,
 * Pusher's channel authorization): a visitor only its own conversation's
 * channel; an admin any conversation plus the admin channels.
 */
export function mayJoinChannel(member: ChannelMember, channel: string): boolean {
  const conversationId = conversationIdOfChannel(channel);
  if (member.role === 'admin') {
    return conversationId !== null || channel === ADMIN_NOTIFICATIONS_CHANNEL || channel === ADMIN_PRESENCE_CHANNEL;
  }
  return conversationId !== null && conversationId === member.conversationId;
}

/**
 * That rule for a visitor whose session came from the process cache, where
 * its binding may lag a conversation created a moment ago (perhaps on
 * another instance): a refusal is checked against a fresh read before it
 * stands.
 */
export async function mayVisitorJoinChannel(session: ChatSession, channel: string): Promise<boolean> {
  const conversationId = conversationIdOfChannel(channel);
  return conversationId !== null && (await visitorSessionBoundTo(session, conversationId)) !== null;
}
