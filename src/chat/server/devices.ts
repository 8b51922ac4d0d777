import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { z } from 'zod';
import { signLink, verifyLink } from '@/auth/server/signed-links';
import { getRepository } from '@/db';
import { DEVICE_LINK_MINUTES, DEVICE_LINK_PATH, type ClaimedDevice, type ConversationDevice, type DeviceLink } from '@/chat/devices';
import { AppError } from '@/http/errors';
import { logger, logSecurityEvent } from '@/logger';
import { getBroadcaster } from '@/realtime/server/broadcaster';
import type { ChatActor } from './actor';
import { limitNewSessions } from './limits';
import { getAccessibleConversation } from './service';
import { describeUserAgent } from './user-agent';
import { forgetVisitorSession, openSessionOnConversation, type SessionOrigin } from './visitor-session';

/*
 * "Continue on another device": the visitor's conversation opened in a second
 * browser, with no account. A link carries a signed, single-use, 15-minute
 * claim on the conversation and makes a new session there (the first
 * browser's token never leaves it); each device can then be seen and signed
 * out, by the visitor and by the owner.
 */

const DEVICE_LINK_AUDIENCE = 'tanya:device';

const deviceLinkClaims = z.object({ sub: z.string().min(1).max(32), jti: z.uuid(), exp: z.number() });


/** Each refusal has its own code, so the page that took the link can say what happened in the visitor's language. */
const refusals = {
  expired: () =>
    new AppError('gone:device', {
      message: `This link has expired: it works for ${DEVICE_LINK_MINUTES} minutes. Make a new one on the device where you started the chat.`,
    }),
  used: () =>
    new AppError('conflict:device', { message: 'This link was already used. Each link opens the chat on one device: make a new one on the device where you started.' }),
  invalid: () => new AppError('bad_request:device', { message: 'This link is not valid. Copy it again, whole, from the device where you started the chat.' }),
  closed: () => new AppError('gone:conversation', { message: 'This conversation is closed. Open the chat to start a new one.' }),
};

/** A link that opens the visitor's own conversation in another browser, with its QR code (SVG) for a phone's camera. */
export async function createDeviceLink(actor: ChatActor, conversationId: string, siteOrigin: string): Promise<DeviceLink> {
  if (actor.kind !== 'visitor') {
    throw new AppError('forbidden:device', { message: 'Only the visitor can open their conversation on another device.' });
  }
  const conversation = await getAccessibleConversation(actor, conversationId);
  if (conversation.status === 'closed') throw refusals.closed();
  const token = await signLink({}, { audience: DEVICE_LINK_AUDIENCE, subject: conversation.id, expiresIn: `${DEVICE_LINK_MINUTES}m`, linkId: randomUUID() });
  const url = new URL(`${DEVICE_LINK_PATH}#${token}`, siteOrigin).toString();
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { url, qrSvg, expiresAt: new Date(Date.now() + DEVICE_LINK_MINUTES * 60_000).toISOString() };
}

/** A device link opened: its one use, as a new session on the link's conversation. */
export async function claimDeviceLink(token: string, origin: SessionOrigin): Promise<ClaimedDevice> {
  await limitNewSessions(origin.ip);
  const verified = await verifyLink(token, DEVICE_LINK_AUDIENCE, deviceLinkClaims);
  if ('refused' in verified) {
    logSecurityEvent('device link refused', { ip: origin.ip, reason: verified.refused });
    throw refusals[verified.refused]();
  }
  const { sub: conversationId, jti: linkId, exp } = verified.claims;
  const repository = getRepository();
  const conversation = await repository.getConversationById({ id: conversationId });
  if (!conversation || conversation.status === 'closed') throw refusals.closed();
  if (!(await repository.claimDeviceLink({ linkId, expiresAt: new Date(exp * 1000) }))) {
    logSecurityEvent('device link refused', { ip: origin.ip, reason: 'already used', conversationId });
    throw refusals.used();
  }
  return openSessionOnConversation(conversation, origin);
}

/** The browsers the conversation is open in, most recently active first. */
export async function listConversationDevices(actor: ChatActor, conversationId: string): Promise<ConversationDevice[]> {
  const conversation = await getAccessibleConversation(actor, conversationId);
  const devices = await getRepository().listLiveChatSessionsByConversationId({ conversationId: conversation.id });
  return devices.map((device) => ({
    id: device.sessionId,
    browser: describeUserAgent(device.userAgent),
    firstSeenAt: device.createdAt.toISOString(),
    lastSeenAt: device.lastSeenAt.toISOString(),
    current: actor.kind === 'visitor' && actor.session.id === device.sessionId,
  }));
}

/**
 * Signs a device out of the conversation: its session ends, every instance
 * forgets it, and its connections are closed at once (through the Socket.IO
 * adapter on every instance, or Pusher's terminate-connections call).
 */
export async function signOutDevice(actor: ChatActor, conversationId: string, sessionId: number): Promise<void> {
  const conversation = await getAccessibleConversation(actor, conversationId);
  if (actor.kind === 'visitor' && actor.session.id === sessionId) {
    throw new AppError('bad_request:device', { message: 'This is the browser you are using. Sign it out from another device.' });
  }
  const ended = await getRepository().endChatSessionOfConversation({ sessionId, conversationId: conversation.id });
  if (!ended) throw new AppError('not_found:device', { message: 'That device is not signed in to this conversation.' });
  await forgetVisitorSession(ended);
  await getBroadcaster()
    .disconnectVisitorSession?.(sessionId)
    .catch((error: unknown) => logger.error({ err: error }, 'realtime: signed-out device not disconnected'));
  logger.info({ conversationId: conversation.id, sessionId, by: actor.kind }, 'chat: device signed out');
}
