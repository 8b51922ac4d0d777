import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { newVisitor, switchAiRepliesOff, visitorSend } from '../chat/helpers';
import { useProductionServer } from '../helpers/production-server';
import { api, signInAsAdmin } from '../helpers/server';
import { connect, createClient, waitFor } from '../realtime/helpers';

const AUTH_SECRET = 'team-test-secret-0123456789abcdef0123456789abcd';
const PASSWORD = 'a long enough password';

/* A team of admins: invited by a single-use link, assigned conversations, removed with their sessions. */
describe('the team of admins', () => {
  const fixture = useProductionServer({ admin: true, env: { AUTH_SECRET } });
  let ownerId: number;

  beforeAll(async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
    const team = await api(fixture.server, '/api/admin/team', { cookie: fixture.adminCookie });
    ownerId = (team.body.data.admins as { id: number; you: boolean }[]).find((admin) => admin.you)!.id;
  });

  const invite = (email: unknown) => api(fixture.server, '/api/admin/team/invitations', { body: { email }, cookie: fixture.adminCookie });
  const accept = (token: string, name = 'Helper', password = PASSWORD) => api(fixture.server, '/api/auth/invitation', { body: { token, name, password } });
  const tokenOf = (url: string) => new URL(url).hash.slice(1);
  const cookieOf = (response: Awaited<ReturnType<typeof api>>) =>
    response.headers.getSetCookie().find((value) => value.startsWith('tanya_admin='))!.split(';')[0]!;

  async function newAdmin() {
    const email = `helper-${randomUUID().slice(0, 8)}@example.com`;
    const invited = await invite(email);
    expect(invited.status).toBe(201);
    const accepted = await accept(tokenOf(invited.body.data.url));
    expect(accepted.status).toBe(200);
    return { email, id: accepted.body.data.user.id as number, cookie: cookieOf(accepted) };
  }

  it('invites by a link that makes one admin, once, and is signed in at once', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.com`;
    const invited = await invite(email.toUpperCase());
    expect(invited.status).toBe(201);
    expect(invited.body.data).toMatchObject({ email });
    expect(invited.body.data.url.startsWith(`${fixture.server.url}/admin/invite#`)).toBe(true);
    const pending = await api(fixture.server, '/api/admin/team', { cookie: fixture.adminCookie });
    expect(pending.body.data.invitations.map((invitation: { email: string }) => invitation.email)).toContain(email);

    // A weak password is refused before the link is spent.
    const weak = await accept(tokenOf(invited.body.data.url), 'Helper', 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.fields.password).toEqual(['Use at least 10 characters.']);

    const accepted = await accept(tokenOf(invited.body.data.url), 'Dewi');
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.user).toMatchObject({ name: 'Dewi', email });
    const theirView = await api(fixture.server, '/api/admin/team', { cookie: cookieOf(accepted) });
    expect(theirView.status).toBe(200);
    expect(theirView.body.data.admins.find((admin: { email: string }) => admin.email === email)).toMatchObject({ you: true });
    expect(theirView.body.data.invitations.map((invitation: { email: string }) => invitation.email)).not.toContain(email);
    await signInAsAdmin(fixture.server, { email, password: PASSWORD });

    const again = await accept(tokenOf(invited.body.data.url), 'Someone else');
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ success: false, code: 'gone:team' });
  });

  it('refuses expired, forged, cancelled and duplicate invitations with clear errors', async () => {
    expect((await invite('not an address')).status).toBe(400);
    const taken = await invite('owner@example.com');
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ success: false, code: 'conflict:team' });

    const issuedAt = Math.floor(Date.now() / 1000) - 8 * 24 * 3600;
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('late@example.com')
      .setIssuer('tanya')
      .setAudience('tanya:invite')
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 7 * 24 * 3600)
      .sign(new TextEncoder().encode(AUTH_SECRET));
    const late = await accept(expired);
    expect(late.status).toBe(410);
    expect(late.body.error).toMatch(/expired/);
    expect((await accept('forged.token.value')).body).toMatchObject({ success: false, code: 'bad_request:team' });

    const invited = await invite(`cancelled-${randomUUID().slice(0, 8)}@example.com`);
    expect((await api(fixture.server, `/api/admin/team/invitations/${invited.body.data.id}`, { method: 'DELETE', cookie: fixture.adminCookie })).status).toBe(200);
    expect((await accept(tokenOf(invited.body.data.url))).status).toBe(410);
    expect((await api(fixture.server, '/api/admin/team', {})).status).toBe(401);
  });

  it('assigns a conversation to an admin, whose "mine" lists it', async () => {
    const helper = await newAdmin();
    const token = await newVisitor(fixture.server);
    const sent = await visitorSend(fixture.server, token, { content: 'Who will answer me?', clientMessageId: randomUUID() });
    const conversationId = sent.body.data.conversationId as string;
    const idsOf = async (cookie: string, assigned: string) =>
      ((await api(fixture.server, `/api/chat/conversations?status=all&assigned=${assigned}&limit=100`, { cookie })).body.data.conversations as { id: string }[]).map(
        (conversation) => conversation.id,
      );

    expect(await idsOf(helper.cookie, 'unassigned')).toContain(conversationId);
    const assigned = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', body: { assignedAdminId: helper.id }, cookie: fixture.adminCookie });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data).toMatchObject({ assignedAdminId: helper.id });
    expect(await idsOf(helper.cookie, 'mine')).toContain(conversationId);
    expect(await idsOf(fixture.adminCookie, 'mine')).not.toContain(conversationId);
    expect(await idsOf(fixture.adminCookie, 'unassigned')).not.toContain(conversationId);
    expect(await idsOf(fixture.adminCookie, 'all')).toContain(conversationId);

    const unknown = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', body: { assignedAdminId: 999_999 }, cookie: fixture.adminCookie });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual({ assignedAdminId: ['No admin has that id.'] });
    expect((await api(fixture.server, '/api/chat/conversations?assigned=theirs', { cookie: fixture.adminCookie })).status).toBe(400);

    // Removing the admin: their sessions end at once, their socket closes, the conversation is nobody's again.
    const socket = await connect(createClient(fixture.server, { extraHeaders: { cookie: helper.cookie } }));
    const disconnected = waitFor<[string]>(socket, 'disconnect');
    expect((await api(fixture.server, `/api/admin/team/${ownerId}`, { method: 'DELETE', cookie: fixture.adminCookie })).status).toBe(400);
    const removed = await api(fixture.server, `/api/admin/team/${helper.id}`, { method: 'DELETE', cookie: fixture.adminCookie });
    expect(removed.status).toBe(200);
    expect((await disconnected)[0]).toBe('io server disconnect');
    socket.close();
    expect((await api(fixture.server, '/api/admin/team', { cookie: helper.cookie })).status).toBe(401);
    expect((await api(fixture.server, `/api/chat/conversations/${conversationId}`, { cookie: fixture.adminCookie })).body.data.assignedAdminId).toBeNull();
    expect((await api(fixture.server, `/api/admin/team/${helper.id}`, { method: 'DELETE', cookie: fixture.adminCookie })).status).toBe(404);
  });
});
