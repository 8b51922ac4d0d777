import { beforeAll, describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { switchAiRepliesOff, visitorGet, visitorSend } from './helpers';
import { startSession } from '../helpers/bot-gate';

const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

/* GET /api/chat/conversations/:id — what the admin's conversation panel shows about a visitor. */
describe('conversation details for the admin', () => {
  const fixture = useProductionServer({ admin: true });
  beforeAll(() => switchAiRepliesOff(fixture.server, fixture.adminCookie));

  async function conversationOfNewVisitor() {
    const session = await startSession(fixture.server, { pageUrl: `${fixture.server.url}/projects` }, { headers: { 'user-agent': FIREFOX_ON_LINUX } });
    const token = session.body.data.sessionToken as string;
    const sent = await visitorSend(fixture.server, token, { content: 'Is the **Tanya** project open source?', visitorName: 'Sari', visitorEmail: 'sari@example.com' });
    expect(sent.status).toBe(201);
    return { token, conversationId: sent.body.data.conversationId as string, message: sent.body.data };
  }

  it("answers the inbox fields and the visitor's details", async () => {
    const { token, conversationId, message } = await conversationOfNewVisitor();
    // Moving to another page and coming back to the chat records the page.
    await api(fixture.server, '/api/chat/session', { body: { sessionToken: token, pageUrl: `${fixture.server.url}/about?lang=id#team` } });

    const response = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { cookie: fixture.adminCookie });
    expect(response.status).toBe(200);
    const details = response.body.data;
    expect(details).toMatchObject({
      id: conversationId,
      visitorName: 'Sari',
      visitorEmail: 'sari@example.com',
      status: 'active',
      isAiHandled: true,
      needsHuman: false,
      unreadCount: 1,
      lastMessage: { content: message.content, senderType: 'visitor', createdAt: message.createdAt },
      visitor: { pageUrl: '/about?lang=id', userAgent: FIREFOX_ON_LINUX, browser: 'Firefox 133 on Linux' },
    });
    const { firstSeenAt, lastSeenAt } = details.visitor;
    expect(new Date(firstSeenAt).toISOString()).toBe(firstSeenAt);
    expect(Date.parse(lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(firstSeenAt));
    expect(Date.parse(firstSeenAt)).toBeLessThanOrEqual(Date.parse(message.createdAt));
    // The admin does not need the visitor's IP address or session token here.
    expect(JSON.stringify(details)).not.toContain(token);
    expect(details.visitor).not.toHaveProperty('ipAddress');
  });

  it('keeps only pages of this site: a foreign page URL is never stored, and never replaces the last page on this site', async () => {
    const started = await startSession(fixture.server, { pageUrl: 'https://evil.example/admin/login' });
    const token = started.body.data.sessionToken as string;
    const sent = await visitorSend(fixture.server, token, { content: 'hello' });
    const detailsOf = async () => (await api(fixture.server, `/api/chat/conversations/${sent.body.data.conversationId}`, { cookie: fixture.adminCookie })).body.data.visitor;
    expect((await detailsOf()).pageUrl).toBeNull();

    await api(fixture.server, '/api/chat/session', { body: { sessionToken: token, pageUrl: `${fixture.server.url}/projects` } });
    await api(fixture.server, '/api/chat/session', { body: { sessionToken: token, pageUrl: 'https://evil.example/admin/login' } });
    expect((await detailsOf()).pageUrl).toBe('/projects');
  });

  it('follows status and handling changes made with PATCH', async () => {
    const { conversationId } = await conversationOfNewVisitor();
    const patched = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie: fixture.adminCookie, body: { status: 'resolved', isAiHandled: false } });
    expect(patched.status).toBe(200);
    const response = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { cookie: fixture.adminCookie });
    expect(response.body.data).toMatchObject({ status: 'resolved', isAiHandled: false });
  });

  it('needs the admin: 401 without the cookie, and a visitor token is not enough', async () => {
    const { token, conversationId } = await conversationOfNewVisitor();
    const anonymous = await api(fixture.server, `/api/chat/conversations/${conversationId}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
    const asVisitor = await visitorGet(fixture.server, token, `/api/chat/conversations/${conversationId}`);
    expect(asVisitor.status).toBe(401);
    expect(JSON.stringify(asVisitor.body)).not.toContain('Sari');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['999999', '0', '-1', 'abc', '1e3', '12345678901234567890']) {
      const response = await api(fixture.server, `/api/chat/conversations/${id}`, { cookie: fixture.adminCookie });
      expect(response.status, id).toBe(404);
      expect(response.body).toMatchObject({ success: false, code: 'not_found:conversation' });
    }
  });

  it('still answers 400 with fields for a bad PATCH body', async () => {
    const { conversationId } = await conversationOfNewVisitor();
    const response = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie: fixture.adminCookie, body: { status: 'archived' } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, code: 'bad_request:validation' });
    expect(Object.keys(response.body.fields)).toContain('status');
  });
});
