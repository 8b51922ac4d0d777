import { beforeAll, describe, expect, it } from 'vitest';
import { dialects, mysqlSkipReason } from '../helpers/databases';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { newVisitor, visitorGet, visitorRead, visitorSend, switchAiRepliesOff } from './helpers';
import { startSession } from '../helpers/bot-gate';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/* The chat HTTP API on the embedded SQLite file and on MySQL. Rate limits are off here (0); see rate-limit.http.test.ts. */
for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`chat API on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useProductionServer({
      admin: true,
      database: create,
      env: { CHAT_RATE_LIMIT_PER_MINUTE: '0', CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0', CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0' },
    });
    beforeAll(() => switchAiRepliesOff(fixture.server, fixture.adminCookie));

    const adminGet = (pathname: string) => api(fixture.server, pathname, { cookie: fixture.adminCookie });
    const adminSend = (body: Record<string, unknown>) => api(fixture.server, '/api/chat/send', { body, cookie: fixture.adminCookie });

    it('pages the inbox by cursor (nothing skipped while a message arrives) and resyncs with what changed since', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push((await visitorSend(fixture.server, await newVisitor(fixture.server), { content: `cursor ${i}` })).body.data.conversationId);
      const first = await adminGet('/api/chat/conversations?limit=2');
      expect(first.body.data.conversations.map((row: { id: number }) => row.id)).toEqual([ids[2], ids[1]]);
      expect(first.body.data).toMatchObject({ nextCursor: expect.stringMatching(/^\d+-\d+$/), syncedAt: expect.any(String) });
      // A new conversation arrives while the owner pages on: page two still starts right after page one.
      const token = await newVisitor(fixture.server);
      const moved = (await visitorSend(fixture.server, token, { content: 'a brand new conversation' })).body.data.conversationId;
      const next = await adminGet(`/api/chat/conversations?limit=2&cursor=${first.body.data.nextCursor}`);
      expect(next.status).toBe(200);
      expect(next.body.data.conversations[0].id).toBe(ids[0]);
      expect(next.body.data.pagination).toBeUndefined();
      const changed = await adminGet(`/api/chat/conversations?changedSince=${encodeURIComponent(first.body.data.syncedAt)}&limit=100`);
      expect(changed.status).toBe(200);
      expect(changed.body.data.conversations.map((row: { id: number }) => row.id)).toContain(moved);
    });

    it('starts a session with a fresh token, resumes a live one and replaces an unusable one', async () => {
      const first = await startSession(fixture.server, { pageUrl: 'http://example.com/about' });
      expect(first.status).toBe(200);
      const { sessionToken, conversationId, expiresAt, welcomeMessage } = first.body.data;
      expect(sessionToken).toMatch(UUID_V4);
      expect(conversationId).toBeNull();
      expect(typeof welcomeMessage).toBe('string');
      const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);

      const resumed = await api(fixture.server, '/api/chat/session', { body: { sessionToken } });
      expect(resumed.body.data.sessionToken).toBe(sessionToken);

      for (const unusable of ['not-a-uuid', crypto.randomUUID(), 42, null]) {
        const fresh = await startSession(fixture.server, { sessionToken: unusable });
        expect(fresh.status).toBe(200);
        expect(fresh.body.data.sessionToken).toMatch(UUID_V4);
        expect(fresh.body.data.sessionToken).not.toBe(sessionToken);
        expect(fresh.body.data.conversationId).toBeNull();
      }
    });

    it('carries a visitor message to the admin and the reply back to the visitor', async () => {
      const token = await newVisitor(fixture.server);
      const sent = await visitorSend(fixture.server, token, {
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

      const session = await api(fixture.server, '/api/chat/session', { body: { sessionToken: token } });
      expect(session.body.data.conversationId).toBe(conversationId);

      const inbox = await adminGet('/api/chat/conversations?status=active&q=Ada');
      expect(inbox.status).toBe(200);
      const listed = inbox.body.data.conversations.find((c: { id: string }) => c.id === conversationId);
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
      const after = taken.body.data.conversations.find((c: { id: string }) => c.id === conversationId);
      expect(after).toMatchObject({ isAiHandled: false, needsHuman: false, lastMessage: { senderType: 'admin' } });

      const gap = await visitorGet(fixture.server, token, `/api/chat/messages?conversationId=${conversationId}&after=${message.id}`);
      expect(gap.status).toBe(200);
      // The visitor's copy of the owner's reply: the same message without the owner's user id.
      expect(replyMessage.senderId).toEqual(expect.any(Number));
      expect(gap.body.data.messages).toEqual([{ ...replyMessage, senderId: null }]);
      expect(gap.body.data.hasMore).toBe(false);
    });

    it('marks the other side’s messages read, for the admin and for the visitor', async () => {
      const token = await newVisitor(fixture.server);
      const first = (await visitorSend(fixture.server, token, { content: 'one' })).body.data;
      const second = (await visitorSend(fixture.server, token, { content: 'two' })).body.data;
      const conversationId = first.conversationId;

      const adminRead = await api(fixture.server, '/api/chat/read', { cookie: fixture.adminCookie, body: { conversationId, upToMessageId: first.id } });
      expect(adminRead.status).toBe(200);
      expect(adminRead.body.data).toMatchObject({ conversationId, messageIds: [first.id], readBy: 'admin' });

      const reply = (await adminSend({ conversationId, content: 'three' })).body.data;
      const visitorMarks = await visitorRead(fixture.server, token, { conversationId, upToMessageId: reply.id });
      expect(visitorMarks.body.data).toMatchObject({ messageIds: [reply.id], readBy: 'visitor' });

      const statuses = (await visitorGet(fixture.server, token, `/api/chat/messages?conversationId=${conversationId}`)).body.data.messages.map(
        (m: { id: number; status: string }) => [m.id, m.status],
      );
      expect(statuses).toEqual([
        [first.id, 'read'],
        [second.id, 'sent'],
        [reply.id, 'read'],
      ]);
      const listed = (await adminGet('/api/chat/conversations?limit=100')).body.data.conversations.find(
        (c: { id: string }) => c.id === conversationId,
      );
      expect(listed.unreadCount).toBe(1);
    });

    it('keeps visitor B out of visitor A’s conversation', async () => {
      const tokenA = await newVisitor(fixture.server);
      const tokenB = await newVisitor(fixture.server);
      const messageA = (await visitorSend(fixture.server, tokenA, { content: 'private to A' })).body.data;
      const conversationA = messageA.conversationId;

      const read = await visitorGet(fixture.server, tokenB, `/api/chat/messages?conversationId=${conversationA}`);
      expect(read.status).toBe(404);
      expect(read.body).toMatchObject({ success: false, code: 'not_found:conversation' });

      const forged = await visitorSend(fixture.server, tokenB, { conversationId: conversationA, content: 'let me in' });
      expect(forged.status).toBe(404);
      expect(forged.body.code).toBe('not_found:conversation');
      const sessionB = await api(fixture.server, '/api/chat/session', { body: { sessionToken: tokenB } });
      expect(sessionB.body.data.conversationId).toBeNull();

      const marked = await visitorRead(fixture.server, tokenB, { conversationId: conversationA, upToMessageId: messageA.id });
      expect(marked.status).toBe(404);

      // B's own conversation does not open a door to A's either.
      const ownB = (await visitorSend(fixture.server, tokenB, { content: 'hello from B' })).body.data;
      expect(ownB.conversationId).not.toBe(conversationA);
      expect((await visitorSend(fixture.server, tokenB, { conversationId: conversationA, content: 'again' })).status).toBe(404);
      expect((await visitorGet(fixture.server, tokenB, `/api/chat/messages?conversationId=${conversationA}`)).status).toBe(404);

      const aSees = await visitorGet(fixture.server, tokenA, `/api/chat/messages?conversationId=${conversationA}`);
      expect(aSees.body.data.messages.map((m: { content: string }) => m.content)).toEqual(['private to A']);
    });

    it('refuses unknown visitor tokens and every admin route without the admin cookie', async () => {
      const unknown = await visitorGet(fixture.server, crypto.randomUUID(), '/api/chat/messages?conversationId=1');
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe('unauthorized:session');

      for (const request of [
        api(fixture.server, '/api/chat/conversations'),
        api(fixture.server, '/api/chat/conversations/1', { method: 'PATCH', body: { status: 'closed' } }),
        api(fixture.server, '/api/chat/send', { body: { conversationId: 'f'.repeat(32), content: 'hi' } }),
        api(fixture.server, '/api/chat/messages?conversationId=1'),
        api(fixture.server, '/api/chat/read', { body: { conversationId: 'f'.repeat(32), upToMessageId: 1 } }),
        api(fixture.server, '/api/chat/conversations', { cookie: 'tanya_admin=forged.jwt.value' }),
      ]) {
        const response = await request;
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
      }

      // A visitor token is not an admin credential.
      const token = await newVisitor(fixture.server);
      const asVisitor = await api(fixture.server, '/api/chat/conversations', { headers: { 'x-session-token': token } });
      expect(asVisitor.status).toBe(401);
    });

    it('refuses an admin write that another site’s page sends with the admin cookie', async () => {
      const token = await newVisitor(fixture.server);
      const conversationId = (await visitorSend(fixture.server, token, { content: 'hi' })).body.data.conversationId;
      const forged = await api(fixture.server, '/api/chat/send', {
        cookie: fixture.adminCookie,
        headers: { origin: 'https://evil.example' },
        body: { conversationId, content: 'not from the owner' },
      });
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('forbidden:origin');
      const patch = await api(fixture.server, `/api/chat/conversations/${conversationId}`, {
        method: 'PATCH',
        cookie: fixture.adminCookie,
        headers: { origin: 'https://evil.example' },
        body: { status: 'closed' },
      });
      expect(patch.status).toBe(403);
      const history = await adminGet(`/api/chat/messages?conversationId=${conversationId}`);
      expect(history.body.data.messages).toHaveLength(1);
    });

    it('slides the session expiry when a live session comes back', async () => {
      const first = (await startSession(fixture.server)).body.data;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const again = (await api(fixture.server, '/api/chat/session', { body: { sessionToken: first.sessionToken } })).body.data;
      expect(again.sessionToken).toBe(first.sessionToken);
      expect(Date.parse(again.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));
    });

    it('reopens a resolved conversation when the visitor writes again', async () => {
      const token = await newVisitor(fixture.server);
      const conversationId = (await visitorSend(fixture.server, token, { content: 'question' })).body.data.conversationId;
      await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie: fixture.adminCookie, body: { status: 'resolved' } });
      const again = await visitorSend(fixture.server, token, { conversationId, content: 'one more thing', visitorEmail: 'late@example.com' });
      expect(again.body.data.conversationId).toBe(conversationId);
      const listed = (await adminGet('/api/chat/conversations?q=late%40example.com')).body.data.conversations;
      expect(listed).toMatchObject([{ id: conversationId, status: 'active', visitorEmail: 'late@example.com' }]);
    });

    it('stores a retried send with the same clientMessageId once', async () => {
      const token = await newVisitor(fixture.server);
      const body = { content: 'only once', clientMessageId: 'retry-abc_123' };
      const first = await visitorSend(fixture.server, token, body);
      const retry = await visitorSend(fixture.server, token, body);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(200);
      expect(retry.body.data).toEqual(first.body.data);
      const concurrent = await Promise.all([1, 2, 3].map(() => visitorSend(fixture.server, token, { content: 'burst', clientMessageId: 'burst-1' })));
      expect(new Set(concurrent.map((r) => r.body.data.id)).size).toBe(1);
      const all = await visitorGet(fixture.server, token, `/api/chat/messages?conversationId=${first.body.data.conversationId}`);
      expect(all.body.data.messages.map((m: { content: string }) => m.content)).toEqual(['only once', 'burst']);
    });

    it('opens exactly one conversation for two concurrent first sends', async () => {
      const token = await newVisitor(fixture.server);
      const [a, b] = await Promise.all([
        visitorSend(fixture.server, token, { content: 'first' }),
        visitorSend(fixture.server, token, { content: 'second' }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.data.conversationId).toBe(b.body.data.conversationId);
      const all = await visitorGet(fixture.server, token, `/api/chat/messages?conversationId=${a.body.data.conversationId}`);
      expect(all.body.data.messages).toHaveLength(2);
    });

    it('answers invalid input with 400 and the fields at fault', async () => {
      const token = await newVisitor(fixture.server);
      const cases: [Record<string, unknown>, string[]][] = [
        [{ content: '   ' }, ['content']],
        [{ content: 'x'.repeat(2001) }, ['content']],
        [{}, ['content']],
        [{ content: 'hi', visitorEmail: 'not-an-email', visitorName: 'n'.repeat(101) }, ['visitorEmail', 'visitorName']],
        [{ content: 'hi', clientMessageId: 'has spaces' }, ['clientMessageId']],
        [{ content: 'hi', clientMessageId: 'x'.repeat(65) }, ['clientMessageId']],
        [{ content: 'hi', conversationId: 42 }, ['conversationId']],
      ];
      for (const [body, fields] of cases) {
        const response = await visitorSend(fixture.server, token, body);
        expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(response.body).toMatchObject({ success: false, code: 'bad_request:validation' });
        expect(Object.keys(response.body.fields).sort()).toEqual(fields);
      }
      expect((await api(fixture.server, '/api/chat/send', { body: '{not json', headers: { 'x-session-token': token } })).status).toBe(400);

      const conversationId = (await visitorSend(fixture.server, token, { content: 'valid' })).body.data.conversationId;
      for (const query of ['', `conversationId=${conversationId}&limit=0`, `conversationId=${conversationId}&limit=101`,
        `conversationId=${conversationId}&before=5&after=1`, `conversationId=${conversationId}&before=-1`]) {
        const response = await visitorGet(fixture.server, token, `/api/chat/messages?${query}`);
        expect(response.status, query).toBe(400);
        expect(response.body.code).toBe('bad_request:validation');
      }
      expect((await visitorRead(fixture.server, token, { conversationId })).status).toBe(400);
      // A conversation id is any string: one that names nothing the caller may see is the same 404 as an unknown one.
      for (const malformed of ['abc', '1', conversationId.toUpperCase()]) {
        const response = await visitorGet(fixture.server, token, `/api/chat/messages?conversationId=${malformed}`);
        expect(response.status, malformed).toBe(404);
        expect(response.body.code).toBe('not_found:conversation');
      }

      expect((await adminGet('/api/chat/conversations?status=open')).status).toBe(400);
      expect((await adminGet('/api/chat/conversations?page=0')).status).toBe(400);
      for (const query of ['cursor=abc', 'cursor=12-0', 'page=2&cursor=1-1', 'changedSince=yesterday']) {
        expect((await adminGet(`/api/chat/conversations?${query}`)).status, query).toBe(400);
      }
      const noConversation = await adminSend({ content: 'to whom?' });
      expect(noConversation.status).toBe(400);
      expect(Object.keys(noConversation.body.fields)).toEqual(['conversationId']);
      const emptyPatch = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie: fixture.adminCookie, body: {} });
      expect(emptyPatch.status).toBe(400);
      const badPatch = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie: fixture.adminCookie, body: { status: 'gone' } });
      expect(badPatch.status).toBe(400);
      expect(Object.keys(badPatch.body.fields)).toEqual(['status']);
    });

    it('stores and returns markup and SQL-looking content verbatim', async () => {
      const token = await newVisitor(fixture.server);
      const payloads = ['<img src=x onerror=alert(1)>', "'; DROP TABLE messages; --", 'emoji 👋 and "quotes" \\ backslash'];
      for (const content of payloads) {
        const sent = await visitorSend(fixture.server, token, { content, visitorName: '<script>alert(1)</script>' });
        expect(sent.status).toBe(201);
        expect(sent.body.data.content).toBe(content);
      }
      const conversationId = (await api(fixture.server, '/api/chat/session', { body: { sessionToken: token } })).body.data.conversationId;
      const stored = await adminGet(`/api/chat/messages?conversationId=${conversationId}`);
      expect(stored.body.data.messages.map((m: { content: string }) => m.content)).toEqual(payloads);
      const listed = await adminGet(`/api/chat/conversations?q=${encodeURIComponent('DROP TABLE')}`);
      expect(listed.body.data.conversations[0]).toMatchObject({ id: conversationId, visitorName: '<script>alert(1)</script>' });
    });

    it('pages back with before and forward with after, saying whether more exist', async () => {
      const token = await newVisitor(fixture.server);
      const ids: number[] = [];
      for (let i = 1; i <= 12; i++) ids.push((await visitorSend(fixture.server, token, { content: `m${i}` })).body.data.id);
      const conversationId = (await api(fixture.server, '/api/chat/session', { body: { sessionToken: token } })).body.data.conversationId;
      const page = (query: string) =>
        visitorGet(fixture.server, token, `/api/chat/messages?conversationId=${conversationId}&${query}`).then((r) => r.body.data);
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

    it("accepts the plans' API as they wrote it: a session start with no body at all, and conversationId null for a new conversation", async () => {
      // No body reads as {}: with the bot gate on (the default) that is a refusal asking for its proof, not a 415.
      const bare = await fetch(`${fixture.server.url}/api/chat/session`, { method: 'POST' });
      expect(bare.status).toBe(403);
      expect(await bare.json()).toMatchObject({ success: false, code: 'forbidden:bot_gate' });
      const { sessionToken } = (await startSession(fixture.server)).body.data as { sessionToken: string };
      expect(sessionToken).toMatch(UUID_V4);

      const sent = await visitorSend(fixture.server, sessionToken, { conversationId: null, content: 'a new conversation' });
      expect(sent.status).toBe(201);
      expect(sent.body.data.conversationId).toEqual(expect.any(String));

      // Without a Content-Type, a body that is not empty is still refused.
      const untyped = await fetch(`${fixture.server.url}/api/chat/session`, { method: 'POST', body: new Uint8Array(Buffer.from('{}')) });
      expect(untyped.status).toBe(415);
    });

    it('lets the admin change status and AI handling, and a closed conversation makes the visitor start anew', async () => {
      const token = await newVisitor(fixture.server);
      const first = (await visitorSend(fixture.server, token, { content: 'before closing', visitorName: 'Grace' })).body.data;
      const conversationId = first.conversationId;

      const resolved = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie: fixture.adminCookie, body: { status: 'resolved' } });
      expect(resolved.status).toBe(200);
      expect(resolved.body.data).toMatchObject({ id: conversationId, status: 'resolved', isAiHandled: true });
      const filtered = await adminGet('/api/chat/conversations?status=resolved&limit=100');
      expect(filtered.body.data.conversations.map((c: { id: string }) => c.id)).toContain(conversationId);

      const human = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie: fixture.adminCookie, body: { isAiHandled: false } });
      expect(human.body.data).toMatchObject({ status: 'resolved', isAiHandled: false });

      const closed = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', cookie: fixture.adminCookie, body: { status: 'closed' } });
      expect(closed.body.data.status).toBe('closed');
      // The visitor would never see it: the owner is told to reopen first.
      const intoClosed = await adminSend({ conversationId, content: 'are you still there?' });
      expect(intoClosed.status).toBe(409);
      expect(intoClosed.body).toMatchObject({ success: false, code: 'conflict:conversation', error: expect.stringMatching(/closed/i) });
      const messages = await adminGet(`/api/chat/messages?conversationId=${conversationId}`);
      expect(messages.body.data.messages.map((m: { content: string }) => m.content)).not.toContain('are you still there?');
      const afterClose = await visitorSend(fixture.server, token, { content: 'back again' });
      expect(afterClose.status).toBe(201);
      expect(afterClose.body.data.conversationId).not.toBe(conversationId);
      const fresh = (await adminGet(`/api/chat/conversations?q=Grace&status=active`)).body.data.conversations;
      expect(fresh.map((c: { id: string }) => c.id)).toEqual([afterClose.body.data.conversationId]);

      for (const id of ['999999999', 'abc', '0', 'f'.repeat(32), conversationId.toUpperCase()]) {
        const missing = await api(fixture.server, `/api/chat/conversations/${id}`, { method: 'PATCH', cookie: fixture.adminCookie, body: { status: 'closed' } });
        expect(missing.status, id).toBe(404);
        expect(missing.body.code).toBe('not_found:conversation');
      }
      expect((await adminSend({ conversationId: 'f'.repeat(32), content: 'nobody' })).status).toBe(404);
      expect((await adminSend({ conversationId: 999999999, content: 'not an id' })).status).toBe(400);
    });
  });
}
