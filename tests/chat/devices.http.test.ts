import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { connect, createClient, waitFor } from '../realtime/helpers';
import { newVisitor, switchAiRepliesOff, visitorGet, visitorSend } from './helpers';

const AUTH_SECRET = 'devices-test-secret-0123456789abcdef0123456789';
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/*
 * "Continue on another device": a signed, single-use, 15-minute link makes a
 * new session on the same conversation; each device is listed for the
 * visitor and the owner, and signing one out ends it everywhere at once.
 */
describe('continue on another device', () => {
  const fixture = useProductionServer({ admin: true, env: { AUTH_SECRET } });

  beforeAll(async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
  });

  const asVisitor = (token: string, extra: Record<string, string> = {}) => ({ 'x-session-token': token, ...extra });

  /** A visitor who has written once, so there is a conversation to carry over. */
  async function visitorWithConversation() {
    const token = await newVisitor(fixture.server);
    const sent = await visitorSend(fixture.server, token, { content: 'Started on my laptop', clientMessageId: randomUUID() });
    expect(sent.status).toBe(201);
    return { token, conversationId: sent.body.data.conversationId as string };
  }

  const makeLink = (token: string, conversationId: string) =>
    api(fixture.server, '/api/chat/devices/link', { body: { conversationId }, headers: asVisitor(token) });

  const tokenOf = (url: string) => new URL(url).hash.slice(1);

  const claim = (token: unknown, userAgent = ANDROID_CHROME) =>
    api(fixture.server, '/api/chat/devices/claim', { body: { token }, headers: { 'user-agent': userAgent } });

  const listDevices = (conversationId: string, headers: { token?: string; cookie?: string }) =>
    api(fixture.server, `/api/chat/devices?conversationId=${conversationId}`, {
      headers: headers.token ? asVisitor(headers.token) : {},
      cookie: headers.cookie,
    });

  const signOut = (conversationId: string, deviceId: number, headers: { token?: string; cookie?: string }) =>
    api(fixture.server, `/api/chat/devices/${deviceId}?conversationId=${conversationId}`, {
      method: 'DELETE',
      headers: headers.token ? asVisitor(headers.token) : {},
      cookie: headers.cookie,
    });

  it('makes a link with a QR code that opens the same conversation in a new session of its own, once', async () => {
    const first = await visitorWithConversation();
    const link = await makeLink(first.token, first.conversationId);
    expect(link.status).toBe(200);
    const { url, qrSvg, expiresAt } = link.body.data as { url: string; qrSvg: string; expiresAt: string };
    expect(url.startsWith(`${fixture.server.url}/chat/continue#`)).toBe(true);
    expect(qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(qrSvg).not.toContain(tokenOf(url).slice(-20)); // the code is drawn, not a string carrying the token
    const minutesLeft = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);

    const claimed = await claim(tokenOf(url));
    expect(claimed.status).toBe(200);
    const second = claimed.body.data as { sessionToken: string; conversationId: string };
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.sessionToken).not.toBe(first.token);

    // The second device reads the whole history and writes into the same conversation.
    const history = await visitorGet(fixture.server, second.sessionToken, `/api/chat/messages?conversationId=${first.conversationId}`);
    expect(history.body.data.messages.map((message: { content: string }) => message.content)).toEqual(['Started on my laptop']);
    const fromPhone = await visitorSend(fixture.server, second.sessionToken, { content: 'Now on my phone', clientMessageId: randomUUID() });
    expect(fromPhone.body.data.conversationId).toBe(first.conversationId);
    const seenByFirst = await visitorGet(fixture.server, first.token, `/api/chat/messages?conversationId=${first.conversationId}`);
    expect(seenByFirst.body.data.messages.map((message: { content: string }) => message.content)).toEqual(['Started on my laptop', 'Now on my phone']);

    // Single use: the same link again is refused, and makes no session.
    const again = await claim(tokenOf(url));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ success: false, code: 'conflict:device' });
    expect(again.body.error).toMatch(/already used/);
    const devices = await listDevices(first.conversationId, { token: first.token });
    expect(devices.body.data.devices).toHaveLength(2);
  });

  it('lets only one of two browsers racing with the same link in', async () => {
    const first = await visitorWithConversation();
    const token = tokenOf((await makeLink(first.token, first.conversationId)).body.data.url);
    const answers = await Promise.all([claim(token), claim(token), claim(token)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
  });

  it('refuses an expired, altered, foreign or missing link with a clear error and logs it without the token', async () => {
    const { conversationId } = await visitorWithConversation();
    const secret = new TextEncoder().encode(AUTH_SECRET);
    const signed = (audience: string, issuedSecondsAgo: number, lifetimeSeconds: number) => {
      const issuedAt = Math.floor(Date.now() / 1000) - issuedSecondsAgo;
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(conversationId)
        .setIssuer('tanya')
        .setAudience(audience)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + lifetimeSeconds)
        .sign(secret);
    };

    const expired = await signed('tanya:device', 16 * 60, 15 * 60);
    const late = await claim(expired);
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ success: false, code: 'gone:device' });
    expect(late.body.error).toMatch(/expired.*15 minutes/);

    const mailLink = await signed('tanya:resume', 0, 60);
    expect((await claim(mailLink)).body).toMatchObject({ success: false, code: 'bad_request:device' });
    const fresh = await signed('tanya:device', 0, 15 * 60);
    const altered = `${fresh.slice(0, -4)}${fresh.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect((await claim(altered)).body).toMatchObject({ success: false, code: 'bad_request:device' });
    expect((await claim('not-a-link')).status).toBe(400);
    const missing = await claim(undefined);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ success: false, code: 'bad_request:validation' });

    await expect.poll(() => fixture.server.logs.some((entry) => entry.security === 'device link refused' && entry.reason === 'expired' && entry.ip)).toBe(true);
    expect(JSON.stringify(fixture.server.logs)).not.toContain(expired);
    expect(JSON.stringify(fixture.server.logs)).not.toContain(fresh);
  });

  it('makes links only for the visitor who owns the conversation, and none for a closed one', async () => {
    const owner = await visitorWithConversation();
    const stranger = await visitorWithConversation();
    const foreign = await makeLink(stranger.token, owner.conversationId);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ success: false, code: 'not_found:conversation' });
    const byAdmin = await api(fixture.server, '/api/chat/devices/link', { body: { conversationId: owner.conversationId }, cookie: fixture.adminCookie });
    expect(byAdmin.status).toBe(403);
    expect((await makeLink(owner.token, 42 as unknown as string)).status).toBe(400);

    const pending = tokenOf((await makeLink(owner.token, owner.conversationId)).body.data.url);
    const closed = await api(fixture.server, `/api/chat/conversations/${owner.conversationId}`, {
      method: 'PATCH',
      body: { status: 'closed' },
      cookie: fixture.adminCookie,
    });
    expect(closed.status).toBe(200);
    const afterClose = await makeLink(owner.token, owner.conversationId);
    expect(afterClose.status).toBe(410);
    expect(afterClose.body).toMatchObject({ success: false, code: 'gone:conversation' });
    const late = await claim(pending);
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ success: false, code: 'gone:conversation' });
  });

  it('lists the devices for the visitor ("this browser") and the owner, and nobody else', async () => {
    const first = await visitorWithConversation();
    await claim(tokenOf((await makeLink(first.token, first.conversationId)).body.data.url));

    const mine = await listDevices(first.conversationId, { token: first.token });
    expect(mine.status).toBe(200);
    const devices = mine.body.data.devices as { id: number; browser: string; current: boolean; lastSeenAt: string }[];
    expect(devices).toHaveLength(2);
    expect(devices.filter((device) => device.current)).toHaveLength(1);
    expect(devices.find((device) => !device.current)!.browser).toBe('Chrome 131 on Android');

    const owners = await listDevices(first.conversationId, { cookie: fixture.adminCookie });
    expect(owners.body.data.devices.map((device: { id: number }) => device.id).sort()).toEqual(devices.map((device) => device.id).sort());
    expect(owners.body.data.devices.every((device: { current: boolean }) => !device.current)).toBe(true);

    const stranger = await visitorWithConversation();
    expect((await listDevices(first.conversationId, { token: stranger.token })).status).toBe(404);
    expect((await listDevices(first.conversationId, {})).status).toBe(401);
  });

  it('signs a device out: its session ends and its socket is closed at once; a visitor cannot sign out its own browser', async () => {
    const first = await visitorWithConversation();
    const second = (await claim(tokenOf((await makeLink(first.token, first.conversationId)).body.data.url))).body.data as { sessionToken: string };
    const phoneSocket = await connect(createClient(fixture.server, { auth: { sessionToken: second.sessionToken } }));
    const devices = (await listDevices(first.conversationId, { token: first.token })).body.data.devices as { id: number; current: boolean }[];
    const phone = devices.find((device) => !device.current)!;
    const laptop = devices.find((device) => device.current)!;

    const self = await signOut(first.conversationId, laptop.id, { token: first.token });
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ success: false, code: 'bad_request:device' });

    const disconnected = waitFor<[string]>(phoneSocket, 'disconnect');
    const signedOut = await signOut(first.conversationId, phone.id, { token: first.token });
    expect(signedOut.status).toBe(200);
    expect((await disconnected)[0]).toBe('io server disconnect');
    phoneSocket.close();

    const afterwards = await visitorGet(fixture.server, second.sessionToken, `/api/chat/messages?conversationId=${first.conversationId}`);
    expect(afterwards.status).toBe(401);
    await expect(connect(createClient(fixture.server, { auth: { sessionToken: second.sessionToken } }))).rejects.toMatchObject({ message: 'unauthorized' });
    expect((await signOut(first.conversationId, phone.id, { token: first.token })).status).toBe(404);
    expect((await listDevices(first.conversationId, { token: first.token })).body.data.devices).toHaveLength(1);

    // The owner may sign out any of them, the first browser included.
    expect((await signOut(first.conversationId, laptop.id, { cookie: fixture.adminCookie })).status).toBe(200);
    expect((await visitorGet(fixture.server, first.token, `/api/chat/messages?conversationId=${first.conversationId}`)).status).toBe(401);
    expect((await signOut(first.conversationId, 0, { cookie: fixture.adminCookie })).status).toBe(400);
  });
});
