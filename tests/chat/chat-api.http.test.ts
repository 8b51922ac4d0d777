import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, mysqlSkipReason, type TestDatabase } from '../helpers/databases';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { newVisitor, visitorGet, visitorRead, visitorSend, switchAiRepliesOff } from './helpers';

const admin = { email: 'owner@example.com', password: 'correct horse battery staple' };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/* The chat HTTP API on the embedded SQLite file and on MySQL. Rate limits are off here (0); see rate-limit.http.test.ts. */
for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`chat API on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    let testDb: TestDatabase;
    let server: TestServer;
    let cookie: string;

    beforeAll(async () => {
      testDb = await create();
      server = await startTestServer({
        env: {
          DATABASE_URL: testDb.url,
          ADMIN_EMAIL: admin.email,
          ADMIN_PASSWORD: admin.password,
          CHAT_RATE_LIMIT_PER_MINUTE: '0',
          CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
          CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
        },
      });
      cookie = await signInAsAdmin(server, admin);
      await switchAiRepliesOff(server, cookie);
    });

    afterAll(async () => {
      await server?.stop();
      await testDb?.drop();
    });

    const adminGet = (pathname: string) => api(server, pathname, { cookie });
    const adminSend = (body: Record<string, unknown>) => api(server, '/api/chat/send', { body, cookie });

    it('starts a session with a fresh token, resumes a live one and replaces an unusable one', async () => {
      const first = await api(server, '/api/chat/session', { body: { pageUrl: 'http://example.com/about' } });
      expect(first.status).toBe(200);
      const { sessionToken, conversationId, expiresAt, welcomeMessage } = first.body.data;
      expect(sessionToken).toMatch(UUID_V4);
      expect(conversationId).toBeNull();
      expect(typeof welcomeMessage).toBe('string');
      const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);

      const resumed = await api(server, '/api/chat/session', { body: { sessionToken } });
      expect(resumed.body.data.sessionToken).toBe(sessionToken);

      for (const unusable of ['not-a-uuid', crypto.randomUUID(), 42, null]) {
        const fresh = await api(server, '/api/chat/session', { body: { sessionToken: unusable } });
        expect(fresh.status).toBe(200);
        expect(fresh.body.data.sessionToken).toMatch(UUID_V4);
        expect(fresh.body.data.sessionToken).not.toBe(sessionToken);
        expect(fresh.body.data.conversationId).toBeNull();
      }
    });

    it('carries a visitor message to the admin and the reply back to the visitor', async () => {
      const token = await newVisitor(server);
      const sent = await visitorSend(server, token, {
        content: '  Hello, are you available for a project?  ',
        visitorName: 'Ada',
        visitorEmail: 'ada@example.com',
      });
      expect(sent.status).toBe(201);
      // The send answer is the stored message plus whether an AI reply is coming (off in these tests).
      const { aiResponsePending, ...message } = sent.body.data;
      expect(aiResponsePending).toBe(false);
      expect(message).toMatchObject({ content: 'Hello, are you available for a project?', senderType: 'visitor', status: 'sent' });
      expect(Number.isInteger(message.id)).toBe(true);
      expect(new Date(message.createdAt).toISOString()).toBe(message.createdAt);
      const conversationId = message.conversationId;

      const session = await api(server, '/api/chat/session', { body: { sessionToken: token } });
      expect(session.body.data.conversationId).toBe(conversationId);

      const inbox = await adminGet('/api/chat/conversations?status=active&q=Ada');
      expect(inbox.status).toBe(200);
      const listed = inbox.body.data.conversations.find((c: { id: number }) => c.id === conversationId);
      expect(listed).toMatchObject({
        visitorName: 'Ada',
        visitorEmail: 'ada@example.com',
        status: 'active',
        isAiHandled: true,
        unreadCount: 1,
        lastMessage: { content: message.content, senderType: 'visitor', createdAt: message.createdAt },
      });
      expect(inbox.body.data.pagination).toMatchObject({ page: 1, limit: 20 });

      const history = await adminGet(`/api/chat/messages?conversationId=${conversationId}`);
      expect(history.status).toBe(200);
      expect(history.body.data).toEqual({ messages: [message], hasMore: false, nextCursor: null });

      const reply = await adminSend({ conversationId, content: 'Yes! Tell me more.' });
      expect(reply.status).toBe(201);
      const { aiResponsePending: replyGetsAiReply, ...replyMessage } = reply.body.data;
      expect(replyMessage).toMatchObject({ conversationId, senderType: 'admin', content: 'Yes! Tell me more.' });
      expect(replyGetsAiReply).toBe(false);

      const taken = await adminGet(`/api/chat/conversations?q=Ada`);
      const after = taken.body.data.conversations.find((c: { id: number }) => c.id === conversationId);
      expect(after).toMatchObject({ isAiHandled: false, needsHuman: false, lastMessage: { senderType: 'admin' } });

      const gap = await visitorGet(server, token, `/api/chat/messages?conversationId=${conversationId}&after=${message.id}`);
      expect(gap.status).toBe(200);
      // The visitor's copy of the owner's reply: the same message without the owner's user id.
      expect(replyMessage.senderId).toEqual(expect.any(Number));
      expect(gap.body.data.messages).toEqual([{ ...replyMessage, senderId: null }]);
      expect(gap.body.data.hasMore).toBe(false);
    });

    it('marks the other side’s messages read, for the admin and for the visitor', async () => {
      const token = await newVisitor(server);
      const first = (await visitorSend(server, token, { content: 'one' })).body.data;
      const second = (await visitorSend(server, token, { content: 'two' })).body.data;
      const conversationId = first.conversationId;

      const adminRead = await api(server, '/api/chat/read', { cookie, body: { conversationId, upToMessageId: first.id } });
      expect(adminRead.status).toBe(200);
      expect(adminRead.body.data).toMatchObject({ conversationId, messageIds: [first.id], readBy: 'admin' });

      const reply = (await adminSend({ conversationId, content: 'three' })).body.data;
      const visitorMarks = await visitorRead(server, token, { conversationId, upToMessageId: reply.id });
      expect(visitorMarks.body.data).toMatchObject({ messageIds: [reply.id], readBy: 'visitor' });

      const statuses = (await visitorGet(server, token, `/api/chat/messages?conversationId=${conversationId}`)).body.data.messages.map(
        (m: { id: number; status: string }) => [m.id, m.status],
      );
      expect(statuses).toEqual([
        [first.id, 'read'],
        [second.id, 'sent'],
        [reply.id, 'read'],
      ]);
      const listed = (await adminGet('/api/chat/conversations?limit=100')).body.data.conversations.find(
        (c: { id: number }) => c.id === conversationId,
      );
      expect(listed.unreadCount).toBe(1);
    });

    it('keeps visitor B out of visitor A’s conversation', async () => {
      const tokenA = await newVisitor(server);
      const tokenB = await newVisitor(server);
      const messageA = (await visitorSend(server, tokenA, { content: 'private to A' })).body.data;
      const conversationA = messageA.conversationId;

      const read = await visitorGet(server, tokenB, `/api/chat/messages?conversationId=${conversationA}`);
      expect(read.status).toBe(404);
      expect(read.body).toMatchObject({ success: false, code: 'not_found:conversation' });

      const forged = await visitorSend(server, tokenB, { conversationId: conversationA, content: 'let me in' });
      expect(forged.status).toBe(404);
      expect(forged.body.code).toBe('not_found:conversation');
      const sessionB = await api(server, '/api/chat/session', { body: { sessionToken: tokenB } });
      expect(sessionB.body.data.conversationId).toBeNull();

      const marked = await visitorRead(server, tokenB, { conversationId: conversationA, upToMessageId: messageA.id });
      expect(marked.status).toBe(404);

      // B's own conversation does not open a door to A's either.
      const ownB = (await visitorSend(server, tokenB, { content: 'hello from B' })).body.data;
      expect(ownB.conversationId).not.toBe(conversationA);
      expect((await visitorSend(server, tokenB, { conversationId: conversationA, content: 'again' })).status).toBe(404);
      expect((await visitorGet(server, tokenB, `/api/chat/messages?conversationId=${conversationA}`)).status).toBe(404);

      const aSees = await visitorGet(server, tokenA, `/api/chat/messages?conversationId=${conversationA}`);
      expect(aSees.body.data.messages.map((m: { content: string }) => m.content)).toEqual(['private to A']);
    });

    it('refuses unknown visitor tokens and every admin route without the admin cookie', async () => {
      const unknown = await visitorGet(server, crypto.randomUUID(), '/api/chat/messages?conversationId=1');
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe('unauthorized:session');

      for (const request of [
        api(server, '/api/chat/conversations'),
        api(server, '/api/chat/conversations/1', { method: 'PATCH', body: { status: 'closed' } }),
        api(server, '/api/chat/send', { body: { conversationId: 1, content: 'hi' } }),
        api(server, '/api/chat/messages?conversationId=1'),
        api(server, '/api/chat/read', { body: { conversationId: 1, upToMessageId: 1 } }),
        api(server, '/api/chat/conversations', { cookie: 'tanya_admin=forged.jwt.value' }),
      ]) {
        const response = await request;
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
      }

      // A visitor token is not an admin credential.
      const token = await newVisitor(server);
      const asVisitor = await api(server, '/api/chat/conversations', { headers: { 'x-session-token': token } });
      expect(asVisitor.status).toBe(401);
    });

    it('refuses an admin write that another site’s page sends with the admin cookie', async () => {
      const token = await newVisitor(server);
      const conversationId = (await visitorSend(server, token, { content: 'hi' })).body.data.conversationId;
      const forged = await api(server, '/api/chat/send', {
        cookie,
        headers: { origin: 'https://evil.example' },
        body: { conversationId, content: 'not from the owner' },
      });
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('forbidden:origin');
      const patch = await api(server, `/api/chat/conversations/${conversationId}`, {
        method: 'PATCH',
        cookie,
        headers: { origin: 'https://evil.example' },
        body: { status: 'closed' },
      });
      expect(patch.status).toBe(403);
      const history = await adminGet(`/api/chat/messages?conversationId=${conversationId}`);
      expect(history.body.data.messages).toHaveLength(1);
    });

    it('slides the session expiry when a live session comes back', async () => {
      const first = (await api(server, '/api/chat/session', { body: {} })).body.data;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const again = (await api(server, '/api/chat/session', { body: { sessionToken: first.sessionToken } })).body.data;
      expect(again.sessionToken).toBe(first.sessionToken);
      expect(Date.parse(again.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));
    });

    it('reopens a resolved conversation when the visitor writes again', async () => {
      const token = await newVisitor(server);
      const conversationId = (await visitorSend(server, token, { content: 'question' })).body.data.conversationId;
      await api(server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie, body: { status: 'resolved' } });
      const again = await visitorSend(server, token, { conversationId, content: 'one more thing', visitorEmail: 'late@example.com' });
      expect(again.body.data.conversationId).toBe(conversationId);
      const listed = (await adminGet('/api/chat/conversations?q=late%40example.com')).body.data.conversations;
      expect(listed).toMatchObject([{ id: conversationId, status: 'active', visitorEmail: 'late@example.com' }]);
    });

    it('stores a retried send with the same clientMessageId once', async () => {
      const token = await newVisitor(server);
      const body = { content: 'only once', clientMessageId: 'retry-abc_123' };
      const first = await visitorSend(server, token, body);
      const retry = await visitorSend(server, token, body);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(200);
      expect(retry.body.data).toEqual(first.body.data);
      const concurrent = await Promise.all([1, 2, 3].map(() => visitorSend(server, token, { content: 'burst', clientMessageId: 'burst-1' })));
      expect(new Set(concurrent.map((r) => r.body.data.id)).size).toBe(1);
      const all = await visitorGet(server, token, `/api/chat/messages?conversationId=${first.body.data.conversationId}`);
      expect(all.body.data.messages.map((m: { content: string }) => m.content)).toEqual(['only once', 'burst']);
    });

    it('opens exactly one conversation for two concurrent first sends', async () => {
      const token = await newVisitor(server);
      const [a, b] = await Promise.all([
        visitorSend(server, token, { content: 'first' }),
        visitorSend(server, token, { content: 'second' }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.data.conversationId).toBe(b.body.data.conversationId);
      const all = await visitorGet(server, token, `/api/chat/messages?conversationId=${a.body.data.conversationId}`);
      expect(all.body.data.messages).toHaveLength(2);
    });

    it('answers invalid input with 400 and the fields at fault', async () => {
      const token = await newVisitor(server);
      const cases: [Record<string, unknown>, string[]][] = [
        [{ content: '   ' }, ['content']],
        [{ content: 'x'.repeat(2001) }, ['content']],
        [{}, ['content']],
        [{ content: 'hi', visitorEmail: 'not-an-email', visitorName: 'n'.repeat(101) }, ['visitorEmail', 'visitorName']],
        [{ content: 'hi', clientMessageId: 'has spaces' }, ['clientMessageId']],
        [{ content: 'hi', clientMessageId: 'x'.repeat(65) }, ['clientMessageId']],
        [{ content: 'hi', conversationId: 'abc' }, ['conversationId']],
      ];
      for (const [body, fields] of cases) {
        const response = await visitorSend(server, token, body);
        expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(response.body).toMatchObject({ success: false, code: 'bad_request:validation' });
        expect(Object.keys(response.body.fields).sort()).toEqual(fields);
      }
      expect((await api(server, '/api/chat/send', { body: '{not json', headers: { 'x-session-token': token } })).status).toBe(400);

      const conversationId = (await visitorSend(server, token, { content: 'valid' })).body.data.conversationId;
      for (const query of ['', 'conversationId=abc', `conversationId=${conversationId}&limit=0`, `conversationId=${conversationId}&limit=101`,
        `conversationId=${conversationId}&before=5&after=1`, `conversationId=${conversationId}&before=-1`]) {
        const response = await visitorGet(server, token, `/api/chat/messages?${query}`);
        expect(response.status, query).toBe(400);
        expect(response.body.code).toBe('bad_request:validation');
      }
      expect((await visitorRead(server, token, { conversationId })).status).toBe(400);

      expect((await adminGet('/api/chat/conversations?status=open')).status).toBe(400);
      expect((await adminGet('/api/chat/conversations?page=0')).status).toBe(400);
      const noConversation = await adminSend({ content: 'to whom?' });
      expect(noConversation.status).toBe(400);
      expect(Object.keys(noConversation.body.fields)).toEqual(['conversationId']);
      const emptyPatch = await api(server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie, body: {} });
      expect(emptyPatch.status).toBe(400);
      const badPatch = await api(server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie, body: { status: 'gone' } });
      expect(badPatch.status).toBe(400);
      expect(Object.keys(badPatch.body.fields)).toEqual(['status']);
    });

    it('stores and returns markup and SQL-looking content verbatim', async () => {
      const token = await newVisitor(server);
      const payloads = ['<img src=x onerror=alert(1)>', "'; DROP TABLE messages; --", 'emoji 👋 and "quotes" \\ backslash'];
      for (const content of payloads) {
        const sent = await visitorSend(server, token, { content, visitorName: '<script>alert(1)</script>' });
        expect(sent.status).toBe(201);
        expect(sent.body.data.content).toBe(content);
      }
      const conversationId = (await api(server, '/api/chat/session', { body: { sessionToken: token } })).body.data.conversationId;
      const stored = await adminGet(`/api/chat/messages?conversationId=${conversationId}`);
      expect(stored.body.data.messages.map((m: { content: string }) => m.content)).toEqual(payloads);
      const listed = await adminGet(`/api/chat/conversations?q=${encodeURIComponent('DROP TABLE')}`);
      expect(listed.body.data.conversations[0]).toMatchObject({ id: conversationId, visitorName: '<script>alert(1)</script>' });
    });

    it('pages back with before and forward with after, saying whether more exist', async () => {
      const token = await newVisitor(server);
      const ids: number[] = [];
      for (let i = 1; i <= 12; i++) ids.push((await visitorSend(server, token, { content: `m${i}` })).body.data.id);
      const conversationId = (await api(server, '/api/chat/session', { body: { sessionToken: token } })).body.data.conversationId;
      const page = (query: string) =>
        visitorGet(server, token, `/api/chat/messages?conversationId=${conversationId}&${query}`).then((r) => r.body.data);
      const idsOf = (data: { messages: { id: number }[] }) => data.messages.map((m) => m.id);

      const latest = await page('limit=5');
      expect(idsOf(latest)).toEqual(ids.slice(7));
      expect(latest).toMatchObject({ hasMore: true, nextCursor: ids[7] });
      const older = await page(`limit=5&before=${latest.nextCursor}`);
      expect(idsOf(older)).toEqual(ids.slice(2, 7));
      expect(older.hasMore).toBe(true);
      const oldest = await page(`limit=5&before=${older.nextCursor}`);
      expect(idsOf(oldest)).toEqual(ids.slice(0, 2));
      expect(oldest).toMatchObject({ hasMore: false, nextCursor: null });

      const forward = await page(`limit=5&after=${ids[0]}`);
      expect(idsOf(forward)).toEqual(ids.slice(1, 6));
      expect(forward).toMatchObject({ hasMore: true, nextCursor: ids[5] });
      const rest = await page(`limit=50&after=${forward.nextCursor}`);
      expect(idsOf(rest)).toEqual(ids.slice(6));
      expect(rest.hasMore).toBe(false);
      expect(idsOf(await page(`after=${ids[11]}`))).toEqual([]);
    });

    it('lets the admin change status and AI handling, and a closed conversation makes the visitor start anew', async () => {
      const token = await newVisitor(server);
      const first = (await visitorSend(server, token, { content: 'before closing', visitorName: 'Grace' })).body.data;
      const conversationId = first.conversationId;

      const resolved = await api(server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie, body: { status: 'resolved' } });
      expect(resolved.status).toBe(200);
      expect(resolved.body.data).toMatchObject({ id: conversationId, status: 'resolved', isAiHandled: true });
      const filtered = await adminGet('/api/chat/conversations?status=resolved&limit=100');
      expect(filtered.body.data.conversations.map((c: { id: number }) => c.id)).toContain(conversationId);

      const human = await api(server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie, body: { isAiHandled: false } });
      expect(human.body.data).toMatchObject({ status: 'resolved', isAiHandled: false });

      const closed = await api(server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie, body: { status: 'closed' } });
      expect(closed.body.data.status).toBe('closed');
      const afterClose = await visitorSend(server, token, { content: 'back again' });
      expect(afterClose.status).toBe(201);
      expect(afterClose.body.data.conversationId).not.toBe(conversationId);
      const fresh = (await adminGet(`/api/chat/conversations?q=Grace&status=active`)).body.data.conversations;
      expect(fresh.map((c: { id: number }) => c.id)).toEqual([afterClose.body.data.conversationId]);

      for (const id of ['999999999', 'abc', '0']) {
        const missing = await api(server, `/api/chat/conversations/${id}`, { method: 'PATCH', cookie, body: { status: 'closed' } });
        expect(missing.status, id).toBe(404);
        expect(missing.body.code).toBe('not_found:conversation');
      }
      expect((await adminSend({ conversationId: 999999999, content: 'nobody' })).status).toBe(404);
    });
  });
}
