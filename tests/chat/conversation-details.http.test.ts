import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { switchAiRepliesOff, visitorGet, visitorSend } from './helpers';
import { startSession } from '../helpers/bot-gate';

const admin = { email: 'owner@example.com', password: 'correct horse battery staple' };
const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

/* GET /api/chat/conversations/:id — what the admin's conversation panel shows about a visitor. */
describe('conversation details for the admin', () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
    cookie = await signInAsAdmin(server, admin);
    await switchAiRepliesOff(server, cookie);
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function conversationOfNewVisitor() {
    const session = await startSession(server, { pageUrl: 'http://example.com/projects' }, { headers: { 'user-agent': FIREFOX_ON_LINUX } });
    const token = session.body.data.sessionToken as string;
    const sent = await visitorSend(server, token, { content: 'Is the **Tanya** project open source?', visitorName: 'Sari', visitorEmail: 'sari@example.com' });
    expect(sent.status).toBe(201);
    return { token, conversationId: sent.body.data.conversationId as string, message: sent.body.data };
  }

  it("answers the inbox fields and the visitor's details", async () => {
    const { token, conversationId, message } = await conversationOfNewVisitor();
    // Moving to another page and coming back to the chat records the page.
    await api(server, '/api/chat/session', { body: { sessionToken: token, pageUrl: 'http://example.com/about' } });

    const response = await api(server, `/api/chat/conversations/${conversationId}`, { cookie });
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
      visitor: { pageUrl: 'http://example.com/about', userAgent: FIREFOX_ON_LINUX, browser: 'Firefox 133 on Linux' },
    });
    const { firstSeenAt, lastSeenAt } = details.visitor;
    expect(new Date(firstSeenAt).toISOString()).toBe(firstSeenAt);
    expect(Date.parse(lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(firstSeenAt));
    expect(Date.parse(firstSeenAt)).toBeLessThanOrEqual(Date.parse(message.createdAt));
    // The admin does not need the visitor's IP address or session token here.
    expect(JSON.stringify(details)).not.toContain(token);
    expect(details.visitor).not.toHaveProperty('ipAddress');
  });

  it('follows status and handling changes made with PATCH', async () => {
    const { conversationId } = await conversationOfNewVisitor();
    const patched = await api(server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie, body: { status: 'resolved', isAiHandled: false } });
    expect(patched.status).toBe(200);
    const response = await api(server, `/api/chat/conversations/${conversationId}`, { cookie });
    expect(response.body.data).toMatchObject({ status: 'resolved', isAiHandled: false });
  });

  it('needs the admin: 401 without the cookie, and a visitor token is not enough', async () => {
    const { token, conversationId } = await conversationOfNewVisitor();
    const anonymous = await api(server, `/api/chat/conversations/${conversationId}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
    const asVisitor = await visitorGet(server, token, `/api/chat/conversations/${conversationId}`);
    expect(asVisitor.status).toBe(401);
    expect(JSON.stringify(asVisitor.body)).not.toContain('Sari');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['999999', '0', '-1', 'abc', '1e3', '12345678901234567890']) {
      const response = await api(server, `/api/chat/conversations/${id}`, { cookie });
      expect(response.status, id).toBe(404);
      expect(response.body).toMatchObject({ success: false, code: 'not_found:conversation' });
    }
  });

  it('still answers 400 with fields for a bad PATCH body', async () => {
    const { conversationId } = await conversationOfNewVisitor();
    const response = await api(server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie, body: { status: 'archived' } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ success: false, code: 'bad_request:validation' });
    expect(Object.keys(response.body.fields)).toContain('status');
  });
});
