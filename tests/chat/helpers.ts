import { api } from '../helpers/server';
import { startSession } from '../helpers/bot-gate';

type Server = { url: string };

/** A new visitor session; returns its token. */
export async function newVisitor(server: Server, body: Record<string, unknown> = {}) {
  const response = await startSession(server, body);
  if (response.status !== 200) throw new Error(`session failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.sessionToken as string;
}

export function visitorSend(server: Server, token: string, body: Record<string, unknown>) {
  return api(server, '/api/chat/send', { body, headers: { 'x-session-token': token } });
}

export function visitorGet(server: Server, token: string, pathname: string) {
  return api(server, pathname, { headers: { 'x-session-token': token } });
}

export function visitorRead(server: Server, token: string, body: Record<string, unknown>) {
  return api(server, '/api/chat/read', { body, headers: { 'x-session-token': token } });
}

/**
 * These suites are about messages between a visitor and the owner; the
 * assistant's replies (tests/ai) would only add messages to what they count.
 */
export async function switchAiRepliesOff(server: Server, adminCookie: string) {
  const response = await api(server, '/api/chat/settings', { method: 'PATCH', body: { aiEnabled: false }, cookie: adminCookie });
  if (response.status !== 200) throw new Error(`could not switch AI replies off: ${response.status} ${JSON.stringify(response.body)}`);
}
