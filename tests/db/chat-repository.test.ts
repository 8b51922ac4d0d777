import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository, type Repository } from '@/db/repository';
import type { ChatSession, Message } from '@/db/repository/chat';
import { dialects, mysqlSkipReason, type TestDatabase } from '../helpers/databases';

/*
 * Conformance suite for the chat data layer (sessions, conversations,
 * messages), run on every dialect: races, idempotency and cursors must hold
 * on the embedded SQLite file and on MySQL alike.
 */

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Lets the clock move on, so timestamps written one after another differ. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
/** Well formed, but naming no conversation. */
const UNKNOWN_ID = 'f'.repeat(32);

async function openRepository(create: () => Promise<TestDatabase>) {
  const testDb = await create();
  await testDb.database.migrate();
  return { testDb, repository: createRepository(testDb.database) };
}

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`chat repository on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    let testDb: TestDatabase;
    let repository: Repository;

    beforeAll(async () => {
      ({ testDb, repository } = await openRepository(create));
    });

    afterAll(async () => {
      await testDb?.drop();
    });

    async function newSession(overrides: { expiresAt?: Date; pageUrl?: string } = {}) {
      const token = randomUUID();
      const session = await repository.createChatSession({
        tokenHash: sha256(token),
        visitorId: `v_${randomUUID()}`,
        expiresAt: overrides.expiresAt ?? new Date(Date.now() + 7 * DAY),
        ipAddress: '203.0.113.7',
        userAgent: 'Mozilla/5.0 (test)',
        pageUrl: overrides.pageUrl ?? 'https://example.com/',
      });
      return { token, session };
    }

    async function newConversation(input: { visitorName?: string; visitorEmail?: string } = {}) {
      const { session } = await newSession();
      const { conversation } = await repository.getOrCreateOpenConversationBySessionId({
        sessionId: session.id,
        ...input,
      });
      return { session, conversation };
    }

    const send = (conversationId: string, senderType: Message['senderType'], content: string, clientMessageId?: string) =>
      repository.createMessage({ conversationId, senderType, content, clientMessageId }).then(({ message }) => message);

    describe('sessions', () => {
      it('stores the token hash, never the token, and finds a live session by that hash', async () => {
        const before = Date.now();
        const { token, session } = await newSession({ pageUrl: 'https://example.com/projects' });
        expect(session).toMatchObject({
          tokenHash: sha256(token),
          conversationId: null,
          ipAddress: '203.0.113.7',
          userAgent: 'Mozilla/5.0 (test)',
          pageUrl: 'https://example.com/projects',
        });
        expect(JSON.stringify(session)).not.toContain(token);
        expect(session.createdAt).toBeInstanceOf(Date);
        expect(session.createdAt.getTime()).toBeGreaterThanOrEqual(before);

        const found = await repository.getLiveChatSessionByTokenHash({ tokenHash: sha256(token) });
        expect(found).toEqual(session);
        expect(await repository.getLiveChatSessionByTokenHash({ tokenHash: sha256(randomUUID()) })).toBeNull();
      });

      it('keeps expiry dates to the millisecond', async () => {
        const expiresAt = new Date(Date.UTC(2031, 4, 6, 7, 8, 9, 123));
        const { session } = await newSession({ expiresAt });
        expect(session.expiresAt).toEqual(expiresAt);
      });

      it('does not return an expired session', async () => {
        const { session } = await newSession({ expiresAt: new Date(Date.now() - 1000) });
        expect(await repository.getLiveChatSessionByTokenHash({ tokenHash: session.tokenHash })).toBeNull();

        const live = (await newSession()).session;
        const justAfterExpiry = new Date(live.expiresAt.getTime());
        expect(await repository.getLiveChatSessionByTokenHash({ tokenHash: live.tokenHash, now: justAfterExpiry })).toBeNull();
        expect(await repository.getChatSessionById({ id: session.id })).toEqual(session);
      });

      it('slides the expiry on touch, recording activity and the page', async () => {
        const { session } = await newSession({ expiresAt: new Date(Date.now() + 1000) });
        const expiresAt = new Date(Date.now() + 7 * DAY);
        const now = new Date(Date.now() + 5);
        const pageUrl = 'https://example.com/about';
        expect(await repository.touchChatSessionById({ id: session.id, expiresAt, pageUrl, now })).toBe(true);
        let touched = (await repository.getChatSessionById({ id: session.id }))!;
        expect(touched).toMatchObject({ expiresAt, lastSeenAt: now, pageUrl: 'https://example.com/about' });

        await repository.touchChatSessionById({ id: session.id, expiresAt });
        touched = (await repository.getChatSessionById({ id: session.id }))!;
        expect(touched.pageUrl).toBe('https://example.com/about');
        expect(await repository.touchChatSessionById({ id: 999_999, expiresAt })).toBe(false);
      });

      it('binds a session to a conversation and unbinds it', async () => {
        const { conversation } = await newConversation();
        const { session } = await newSession();
        expect(await repository.bindChatSessionToConversationById({ id: session.id, conversationId: conversation.id })).toBe(true);
        expect((await repository.getChatSessionById({ id: session.id }))!.conversationId).toBe(conversation.id);
        await repository.bindChatSessionToConversationById({ id: session.id, conversationId: null });
        expect((await repository.getChatSessionById({ id: session.id }))!.conversationId).toBeNull();
      });
    });

    describe('conversations', () => {
      it('creates the conversation on first use, binds it, and returns it afterwards', async () => {
        const { session } = await newSession();
        const first = await repository.getOrCreateOpenConversationBySessionId({
          sessionId: session.id,
          visitorName: 'Ana',
          visitorEmail: 'ana@example.com',
        });
        expect(first.created).toBe(true);
        expect(first.conversation).toMatchObject({
          visitorId: session.visitorId,
          visitorName: 'Ana',
          visitorEmail: 'ana@example.com',
          status: 'active',
          isAiHandled: true,
          needsHuman: false,
          visitorLastSeenAt: null,
          adminLastSeenAt: null,
        });
        expect(first.conversation.createdAt).toBeInstanceOf(Date);
        expect((await repository.getChatSessionById({ id: session.id }))!.conversationId).toBe(first.conversation.id);

        const again = await repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
        expect(again).toEqual({ conversation: first.conversation, created: false });
        expect(await repository.getConversationById({ id: first.conversation.id })).toEqual(first.conversation);
        expect(await repository.getConversationById({ id: UNKNOWN_ID })).toBeNull();
      });

      it('gives concurrent first sends from one session one conversation', async () => {
        const { session } = await newSession();
        const outcomes = await Promise.all(
          Array.from({ length: 5 }, () => repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id })),
        );
        const ids = new Set(outcomes.map((outcome) => outcome.conversation.id));
        expect(ids.size).toBe(1);
        expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
        const [id] = [...ids];
        expect((await repository.getChatSessionById({ id: session.id }))!.conversationId).toBe(id);
        // No orphan conversation was left behind for this visitor.
        const inbox = await repository.listConversationsByFilter({ limit: 1000 });
        expect(inbox.conversations.filter((row) => row.visitorId === session.visitorId).map((row) => row.id)).toEqual([id]);
      });

      it('starts a new conversation after the bound one was closed, keeping the name and email', async () => {
        const { session, conversation } = await newConversation({ visitorName: 'Budi', visitorEmail: 'budi@example.com' });
        await repository.updateConversationById({ id: conversation.id, status: 'resolved' });
        const resolved = await repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
        expect(resolved).toMatchObject({ created: false, conversation: { id: conversation.id, status: 'resolved' } });

        await repository.updateConversationById({ id: conversation.id, status: 'closed' });
        const next = await repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
        expect(next.created).toBe(true);
        expect(next.conversation.id).not.toBe(conversation.id);
        expect(next.conversation).toMatchObject({ status: 'active', visitorName: 'Budi', visitorEmail: 'budi@example.com' });
        expect((await repository.getChatSessionById({ id: session.id }))!.conversationId).toBe(next.conversation.id);
        expect((await repository.getConversationById({ id: conversation.id }))!.status).toBe('closed');
      });

      it('replaces a closed conversation only once under concurrent sends', async () => {
        const { session, conversation } = await newConversation();
        await repository.updateConversationById({ id: conversation.id, status: 'closed' });
        const outcomes = await Promise.all(
          Array.from({ length: 5 }, () => repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id })),
        );
        expect(new Set(outcomes.map((outcome) => outcome.conversation.id)).size).toBe(1);
        expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
      });

      it('refuses a session that does not exist', async () => {
        await expect(repository.getOrCreateOpenConversationBySessionId({ sessionId: 999_999 })).rejects.toThrow(/does not exist/);
      });

      it('updates the visitor name and email, only the fields given', async () => {
        const { conversation } = await newConversation({ visitorName: 'Citra' });
        const withEmail = await repository.updateConversationVisitorById({ id: conversation.id, visitorEmail: 'citra@example.com' });
        expect(withEmail).toMatchObject({ visitorName: 'Citra', visitorEmail: 'citra@example.com' });
        const renamed = await repository.updateConversationVisitorById({ id: conversation.id, visitorName: 'Citra D.' });
        expect(renamed).toMatchObject({ visitorName: 'Citra D.', visitorEmail: 'citra@example.com' });
        expect(await repository.updateConversationVisitorById({ id: UNKNOWN_ID, visitorName: 'x' })).toBeNull();
      });

      it('updates status, AI handling and needs-human, returning the updated row', async () => {
        const { conversation } = await newConversation();
        const updated = await repository.updateConversationById({ id: conversation.id, isAiHandled: false, needsHuman: true });
        expect(updated).toMatchObject({ status: 'active', isAiHandled: false, needsHuman: true });
        expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(conversation.updatedAt.getTime());
        const resolved = await repository.updateConversationById({ id: conversation.id, status: 'resolved' });
        expect(resolved).toMatchObject({ status: 'resolved', isAiHandled: false, needsHuman: true });
        expect(await repository.updateConversationById({ id: conversation.id })).toEqual(resolved);
        expect(await repository.updateConversationById({ id: UNKNOWN_ID, status: 'closed' })).toBeNull();
      });
    });

    describe('messages', () => {
      it('stores a message, moves lastMessageAt, and round-trips metadata', async () => {
        const { conversation } = await newConversation();
        const before = Date.now();
        const metadata = { model: 'local', tokens: { input: 12, output: 34 }, tags: ['a', 'b'], ok: true, none: null };
        const { message, duplicate } = await repository.createMessage({
          conversationId: conversation.id,
          senderType: 'ai',
          content: 'Hello!',
          metadata,
        });
        expect(duplicate).toBe(false);
        expect(message).toMatchObject({
          conversationId: conversation.id,
          senderType: 'ai',
          senderId: null,
          content: 'Hello!',
          clientMessageId: null,
          status: 'sent',
          readAt: null,
          metadata,
        });
        expect(message.createdAt).toBeInstanceOf(Date);
        expect(message.createdAt.getTime()).toBeGreaterThanOrEqual(before);
        expect(await repository.getMessageById({ id: message.id })).toEqual(message);
        const after = (await repository.getConversationById({ id: conversation.id }))!;
        expect(after.lastMessageAt).toEqual(message.createdAt);

        const plain = await send(conversation.id, 'visitor', 'no metadata');
        expect(plain.metadata).toBeNull();
      });

      it('stores XSS- and SQL-looking content verbatim', async () => {
        const { conversation } = await newConversation();
        const tricky = `<script>alert("x")</script><img src=x onerror=alert(1)> '; DROP TABLE messages; -- \\ %_ 🚀 Halo`;
        const message = await send(conversation.id, 'visitor', tricky, `c-${randomUUID()}`);
        expect(message.content).toBe(tricky);
        expect((await repository.getMessageById({ id: message.id }))!.content).toBe(tricky);
      });

      it('returns the stored message for a retried clientMessageId instead of inserting again', async () => {
        const { conversation } = await newConversation();
        const clientMessageId = `c-${randomUUID()}`;
        const attempt = () =>
          repository.createMessage({ conversationId: conversation.id, senderType: 'visitor', content: 'hi', clientMessageId });
        const first = await attempt();
        const retry = await attempt();
        expect(first.duplicate).toBe(false);
        expect(retry).toEqual({ message: first.message, duplicate: true });
        const page = await repository.listMessagesByConversationId({ conversationId: conversation.id });
        expect(page.messages.map((message) => message.id)).toEqual([first.message.id]);
      });

      it('stores concurrent duplicate sends once, and every caller gets the same message', async () => {
        const { conversation } = await newConversation();
        const clientMessageId = `c-${randomUUID()}`;
        const outcomes = await Promise.all(
          Array.from({ length: 5 }, () =>
            repository.createMessage({ conversationId: conversation.id, senderType: 'visitor', content: 'once', clientMessageId }),
          ),
        );
        expect(new Set(outcomes.map((outcome) => outcome.message.id)).size).toBe(1);
        expect(outcomes.filter((outcome) => !outcome.duplicate)).toHaveLength(1);
        const page = await repository.listMessagesByConversationId({ conversationId: conversation.id });
        expect(page.messages).toHaveLength(1);
      });

      it('scopes clientMessageId to its conversation and allows any number of messages without one', async () => {
        const a = (await newConversation()).conversation;
        const b = (await newConversation()).conversation;
        const clientMessageId = `c-${randomUUID()}`;
        const inA = await repository.createMessage({ conversationId: a.id, senderType: 'visitor', content: 'x', clientMessageId });
        const inB = await repository.createMessage({ conversationId: b.id, senderType: 'visitor', content: 'x', clientMessageId });
        expect(inB.duplicate).toBe(false);
        expect(inB.message.id).not.toBe(inA.message.id);
        await send(a.id, 'ai', 'one');
        await send(a.id, 'ai', 'two');
        expect((await repository.listMessagesByConversationId({ conversationId: a.id })).messages).toHaveLength(3);
      });

      it('keeps every one of many concurrent sends into one conversation', async () => {
        const { conversation } = await newConversation();
        const sent = await Promise.all(
          Array.from({ length: 12 }, (_, index) =>
            send(conversation.id, index % 3 === 0 ? 'admin' : 'visitor', `m${index}`, `c-${index}`),
          ),
        );
        expect(new Set(sent.map((message) => message.id)).size).toBe(12);
        const page = await repository.listMessagesByConversationId({ conversationId: conversation.id, limit: 50 });
        expect(page.messages).toHaveLength(12);
      });

      it('refuses a message for a conversation that does not exist', async () => {
        await expect(send(UNKNOWN_ID, 'visitor', 'lost')).rejects.toThrow(/does not exist/);
      });

      describe('cursor pages', () => {
        let conversationId: string;
        let ids: number[];

        beforeAll(async () => {
          conversationId = (await newConversation()).conversation.id;
          ids = [];
          for (let index = 0; index < 7; index++) ids.push((await send(conversationId, 'visitor', `m${index}`)).id);
          // Another conversation's messages interleave and must never show up.
          const other = (await newConversation()).conversation.id;
          await send(other, 'visitor', 'elsewhere');
        });

        const idsOf = (page: { messages: Message[] }) => page.messages.map((message) => message.id);

        it('returns the latest page oldest first, then older pages with before, until the start', async () => {
          const latest = await repository.listMessagesByConversationId({ conversationId, limit: 3 });
          expect(idsOf(latest)).toEqual(ids.slice(4));
          expect(latest).toMatchObject({ hasMore: true, nextCursor: ids[4] });

          const older = await repository.listMessagesByConversationId({ conversationId, limit: 3, before: latest.nextCursor! });
          expect(idsOf(older)).toEqual(ids.slice(1, 4));
          expect(older).toMatchObject({ hasMore: true, nextCursor: ids[1] });

          const oldest = await repository.listMessagesByConversationId({ conversationId, limit: 3, before: older.nextCursor! });
          expect(idsOf(oldest)).toEqual(ids.slice(0, 1));
          expect(oldest).toMatchObject({ hasMore: false, nextCursor: null });
        });

        it('says hasMore false when the last older page is exactly full', async () => {
          const page = await repository.listMessagesByConversationId({ conversationId, limit: 3, before: ids[3]! });
          expect(idsOf(page)).toEqual(ids.slice(0, 3));
          expect(page).toMatchObject({ hasMore: false, nextCursor: null });
          const all = await repository.listMessagesByConversationId({ conversationId, limit: 7 });
          expect(idsOf(all)).toEqual(ids);
          expect(all.hasMore).toBe(false);
          const empty = await repository.listMessagesByConversationId({ conversationId, before: ids[0]! });
          expect(empty).toEqual({ messages: [], hasMore: false, nextCursor: null });
        });

        it('fills a gap forward with after, oldest first, until the newest', async () => {
          const first = await repository.listMessagesByConversationId({ conversationId, limit: 3, after: ids[0]! });
          expect(idsOf(first)).toEqual(ids.slice(1, 4));
          expect(first).toMatchObject({ hasMore: true, nextCursor: ids[3] });

          const last = await repository.listMessagesByConversationId({ conversationId, limit: 3, after: first.nextCursor! });
          expect(idsOf(last)).toEqual(ids.slice(4, 7));
          expect(last).toMatchObject({ hasMore: false, nextCursor: null });

          const none = await repository.listMessagesByConversationId({ conversationId, after: ids[6]! });
          expect(none).toEqual({ messages: [], hasMore: false, nextCursor: null });
          const fromStart = await repository.listMessagesByConversationId({ conversationId, after: 0 });
          expect(idsOf(fromStart)).toEqual(ids);
        });

        it('refuses before and after together', async () => {
          await expect(
            repository.listMessagesByConversationId({ conversationId, before: ids[5]!, after: ids[1]! }),
          ).rejects.toThrow(/not both/);
        });
      });

      describe('delivery and read status', () => {
        it("marks delivered only the given conversation's still-sent messages from the other side", async () => {
          const { conversation } = await newConversation();
          const other = (await newConversation()).conversation;
          const fromVisitor = await send(conversation.id, 'visitor', 'q');
          const fromAdmin = await send(conversation.id, 'admin', 'a');
          const fromAi = await send(conversation.id, 'ai', 'b');
          const elsewhere = await send(other.id, 'admin', 'c');

          const changed = await repository.markMessagesDeliveredByIds({
            conversationId: conversation.id,
            recipient: 'visitor',
            ids: [fromVisitor.id, fromAdmin.id, fromAi.id, elsewhere.id],
          });
          expect(changed).toEqual([fromAdmin.id, fromAi.id]);
          expect((await repository.getMessageById({ id: fromAdmin.id }))!.status).toBe('delivered');
          expect((await repository.getMessageById({ id: fromVisitor.id }))!.status).toBe('sent');
          expect((await repository.getMessageById({ id: elsewhere.id }))!.status).toBe('sent');

          const deliver = (recipient: 'visitor' | 'admin', ids: number[]) =>
            repository.markMessagesDeliveredByIds({ conversationId: conversation.id, recipient, ids });
          expect(await deliver('visitor', [fromAdmin.id])).toEqual([]);
          expect(await deliver('admin', [fromVisitor.id])).toEqual([fromVisitor.id]);
          expect(await deliver('admin', [])).toEqual([]);
        });

        it("marks read the other side's messages up to the given id and returns the ids that changed", async () => {
          const { conversation } = await newConversation();
          const v1 = await send(conversation.id, 'visitor', 'v1');
          const a1 = await send(conversation.id, 'admin', 'a1');
          const ai1 = await send(conversation.id, 'ai', 'ai1');
          const v2 = await send(conversation.id, 'visitor', 'v2');
          const a2 = await send(conversation.id, 'admin', 'a2');
          await repository.markMessagesDeliveredByIds({ conversationId: conversation.id, recipient: 'visitor', ids: [a1.id] });

          const now = new Date(Date.now() + 3);
          const visitorRead = await repository.markMessagesReadByConversationId({
            conversationId: conversation.id,
            reader: 'visitor',
            upToMessageId: v2.id,
            now,
          });
          expect(visitorRead).toEqual({ ids: [a1.id, ai1.id], readAt: now });
          expect(await repository.getMessageById({ id: a1.id })).toMatchObject({ status: 'read', readAt: now });
          expect((await repository.getMessageById({ id: a2.id }))!.status).toBe('sent');
          expect((await repository.getMessageById({ id: v1.id }))!.status).toBe('sent');
          expect((await repository.getConversationById({ id: conversation.id }))!.visitorLastSeenAt).toEqual(now);

          const again = await repository.markMessagesReadByConversationId({
            conversationId: conversation.id,
            reader: 'visitor',
            upToMessageId: v2.id,
          });
          expect(again.ids).toEqual([]);

          const adminRead = await repository.markMessagesReadByConversationId({
            conversationId: conversation.id,
            reader: 'admin',
            upToMessageId: a2.id,
          });
          expect(adminRead.ids).toEqual([v1.id, v2.id]);
          expect((await repository.getMessageById({ id: a2.id }))!.status).toBe('sent');
          expect((await repository.getConversationById({ id: conversation.id }))!.adminLastSeenAt).toEqual(adminRead.readAt);
        });

        it('survives sends and reads racing in one conversation', async () => {
          const { conversation } = await newConversation();
          const seed = await send(conversation.id, 'visitor', 'seed');
          const readAll = () =>
            repository.markMessagesReadByConversationId({
              conversationId: conversation.id,
              reader: 'admin',
              upToMessageId: seed.id + 1000,
            });
          const work = await Promise.all([
            ...Array.from({ length: 6 }, (_, index) => send(conversation.id, 'visitor', `r${index}`)),
            ...Array.from({ length: 3 }, readAll),
          ]);
          expect(work).toHaveLength(9);
          await readAll();
          const page = await repository.listMessagesByConversationId({ conversationId: conversation.id });
          expect(page.messages).toHaveLength(7);
          expect(page.messages.every((message) => message.status === 'read')).toBe(true);
        });
      });
    });

    describe('admin inbox while messages arrive: keyset pages and changes since', () => {
      let keysetDb: TestDatabase;
      let repo: Repository;
      const ids: string[] = [];

      beforeAll(async () => {
        ({ testDb: keysetDb, repository: repo } = await openRepository(create));
        for (let i = 0; i < 6; i++) {
          const session = await repo.createChatSession({ tokenHash: sha256(randomUUID()), visitorId: `v_k${i}`, expiresAt: new Date(Date.now() + DAY) });
          const { conversation } = await repo.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
          await repo.createMessage({ conversationId: conversation.id, senderType: 'visitor', content: `visitor ${i}` });
          ids.push(conversation.id);
          await tick();
        }
      });
      afterAll(async () => {
        await keysetDb?.drop();
      });

      it('pages by cursor without skipping or repeating a row, and what moved meanwhile is in the changes since the start', async () => {
        const [c1, c2, c3, c4, c5, c6] = ids as [string, string, string, string, string, string];
        const startedAt = new Date(Date.now() - 1);
        const first = await repo.listConversationsByFilter({ limit: 2 });
        expect(first.conversations.map((row) => row.id)).toEqual([c6, c5]);
        expect(first.nextCursor).toEqual({ at: first.conversations[1]!.lastMessageAt, id: expect.any(Number) });
        // A visitor further down writes: its conversation jumps to the top while the owner pages.
        await tick();
        await repo.createMessage({ conversationId: c2, senderType: 'visitor', content: 'moved up' });
        const seen = first.conversations.map((row) => row.id);
        let cursor = first.nextCursor;
        while (cursor) {
          const next = await repo.listConversationsByFilterAfterCursor({ cursor, limit: 2 });
          seen.push(...next.conversations.map((row) => row.id));
          cursor = next.nextCursor;
        }
        expect(seen).toEqual([c6, c5, c4, c3, c1]);
        const changed = await repo.listConversationsChangedSince({ since: startedAt });
        expect(changed.conversations.map((row) => row.id)).toEqual([c2]);
        expect(changed.conversations[0]!.lastMessage).toMatchObject({ content: 'moved up' });
        expect(new Set([...seen, ...changed.conversations.map((row) => row.id)])).toEqual(new Set(ids));
      });

      it('keeps the status filter on cursor pages', async () => {
        const [c1, , c3] = ids as [string, string, string];
        await repo.updateConversationById({ id: c3, status: 'resolved' });
        const first = await repo.listConversationsByFilter({ status: 'active', limit: 3 });
        const rest = await repo.listConversationsByFilterAfterCursor({ status: 'active', cursor: first.nextCursor!, limit: 3 });
        expect([...first.conversations, ...rest.conversations].map((row) => row.id)).not.toContain(c3);
        expect(rest.conversations.map((row) => row.id).at(-1)).toBe(c1);
        expect(rest.nextCursor).toBeNull();
      });

      it('lists every change since a moment, oldest first, in pages, whatever the filter (status changes included)', async () => {
        const [c1, , , c4, , c6] = ids as [string, string, string, string, string, string];
        await tick();
        const since = new Date();
        await repo.createMessage({ conversationId: c4, senderType: 'ai', content: 'answer' });
        await tick();
        await repo.updateConversationById({ id: c1, status: 'closed' });
        await tick();
        await repo.updateConversationById({ id: c6, isAiHandled: false });
        const first = await repo.listConversationsChangedSince({ since, limit: 2 });
        expect(first.conversations.map((row) => row.id)).toEqual([c4, c1]);
        expect(first.conversations[1]).toMatchObject({ status: 'closed' });
        const rest = await repo.listConversationsChangedSince({ since, cursor: first.nextCursor!, limit: 2 });
        expect(rest.conversations.map((row) => row.id)).toEqual([c6]);
        expect(rest.nextCursor).toBeNull();
        expect((await repo.listConversationsChangedSince({ since: new Date(Date.now() + 1000) })).conversations).toEqual([]);
      });
    });

    describe('admin inbox', () => {
      // A database of its own, so totals and order are exactly what these tests made.
      let inboxDb: TestDatabase;
      let inbox: Repository;
      const made: Record<string, { id: string; session: ChatSession }> = {};

      beforeAll(async () => {
        ({ testDb: inboxDb, repository: inbox } = await openRepository(create));
        const people = [
          { key: 'dewi', visitorName: 'Dewi Lestari', visitorEmail: 'dewi@example.com', text: 'Do you build APIs?' },
          { key: 'eko', visitorName: 'Eko', visitorEmail: 'eko_p@mail.test', text: 'Discount of 50% possible?' },
          { key: 'fajar', visitorName: null, visitorEmail: null, text: 'Looking for a React contractor' },
          { key: 'gita', visitorName: 'Gita', visitorEmail: 'gita@example.com', text: 'Thanks, bye' },
          { key: 'hadi', visitorName: 'Hadi', visitorEmail: null, text: 'hello there' },
        ];
        for (const person of people) {
          const session = await inbox.createChatSession({
            tokenHash: sha256(randomUUID()),
            visitorId: `v_${person.key}`,
            expiresAt: new Date(Date.now() + DAY),
          });
          const { conversation } = await inbox.getOrCreateOpenConversationBySessionId({
            sessionId: session.id,
            visitorName: person.visitorName,
            visitorEmail: person.visitorEmail,
          });
          await inbox.createMessage({ conversationId: conversation.id, senderType: 'visitor', content: person.text });
          made[person.key] = { id: conversation.id, session };
          await tick();
        }
        // Dewi gets an answer and writes twice more; Gita's conversation is resolved, Hadi's closed.
        await tick();
        await inbox.createMessage({ conversationId: made.dewi!.id, senderType: 'ai', content: 'Yes, REST and GraphQL.' });
        await inbox.createMessage({ conversationId: made.dewi!.id, senderType: 'visitor', content: 'Great' });
        await inbox.createMessage({ conversationId: made.dewi!.id, senderType: 'visitor', content: 'When can we talk?' });
        await inbox.updateConversationById({ id: made.gita!.id, status: 'resolved' });
        await inbox.updateConversationById({ id: made.hadi!.id, status: 'closed' });
      });

      afterAll(async () => {
        await inboxDb?.drop();
      });

      const keysOf = (page: { conversations: { id: string }[] }) =>
        page.conversations.map((row) => Object.keys(made).find((key) => made[key]!.id === row.id));

      it('lists every conversation, latest activity first, with its last message and unread count', async () => {
        const page = await inbox.listConversationsByFilter({ status: 'all' });
        expect(keysOf(page)).toEqual(['dewi', 'hadi', 'gita', 'fajar', 'eko']);
        expect(page.pagination).toEqual({ total: 5, page: 1, limit: 20, totalPages: 1 });
        const dewi = page.conversations[0]!;
        expect(dewi).toMatchObject({
          visitorName: 'Dewi Lestari',
          visitorEmail: 'dewi@example.com',
          status: 'active',
          isAiHandled: true,
          unreadCount: 3,
          lastMessage: { content: 'When can we talk?', senderType: 'visitor' },
        });
        expect(dewi.lastMessage!.createdAt).toEqual(dewi.lastMessageAt);
        expect(page.conversations.find((row) => row.id === made.eko!.id)!.unreadCount).toBe(1);
      });

      it('counts as unread only visitor messages the admin has not read', async () => {
        const [latest] = (await inbox.listMessagesByConversationId({ conversationId: made.dewi!.id, limit: 1 })).messages;
        const before = (await inbox.listConversationsByFilter({})).conversations[0]!;
        expect(before.unreadCount).toBe(3);
        await inbox.markMessagesDeliveredByIds({ conversationId: made.dewi!.id, recipient: 'admin', ids: [latest!.id] });
        expect((await inbox.listConversationsByFilter({})).conversations[0]!.unreadCount).toBe(3);
        await inbox.markMessagesReadByConversationId({ conversationId: made.dewi!.id, reader: 'visitor', upToMessageId: latest!.id });
        expect((await inbox.listConversationsByFilter({})).conversations[0]!.unreadCount).toBe(3);
        await inbox.markMessagesReadByConversationId({ conversationId: made.dewi!.id, reader: 'admin', upToMessageId: latest!.id - 1 });
        expect((await inbox.listConversationsByFilter({})).conversations[0]!.unreadCount).toBe(1);
        await inbox.markMessagesReadByConversationId({ conversationId: made.dewi!.id, reader: 'admin', upToMessageId: latest!.id });
        expect((await inbox.listConversationsByFilter({})).conversations[0]!.unreadCount).toBe(0);
      });

      it('filters by status', async () => {
        expect(keysOf(await inbox.listConversationsByFilter({ status: 'active' }))).toEqual(['dewi', 'fajar', 'eko']);
        expect(keysOf(await inbox.listConversationsByFilter({ status: 'resolved' }))).toEqual(['gita']);
        const closed = await inbox.listConversationsByFilter({ status: 'closed' });
        expect(keysOf(closed)).toEqual(['hadi']);
        expect(closed.pagination.total).toBe(1);
      });

      it('paginates with total and totalPages', async () => {
        const first = await inbox.listConversationsByFilter({ page: 1, limit: 2 });
        expect(keysOf(first)).toEqual(['dewi', 'hadi']);
        expect(first.pagination).toEqual({ total: 5, page: 1, limit: 2, totalPages: 3 });
        expect(keysOf(await inbox.listConversationsByFilter({ page: 3, limit: 2 }))).toEqual(['eko']);
        const beyond = await inbox.listConversationsByFilter({ page: 4, limit: 2 });
        expect(beyond.conversations).toEqual([]);
        expect(beyond.pagination.total).toBe(5);
        const activeOnly = await inbox.listConversationsByFilter({ status: 'active', page: 2, limit: 2 });
        expect(keysOf(activeOnly)).toEqual(['eko']);
        expect(activeOnly.pagination).toEqual({ total: 3, page: 2, limit: 2, totalPages: 2 });
      });

      it('searches visitor name, email and message text, case-insensitively', async () => {
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'lestari' }))).toEqual(['dewi']);
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'GITA@EXAMPLE' }))).toEqual(['gita']);
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'example.com' }))).toEqual(['dewi', 'gita']);
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'react contractor' }))).toEqual(['fajar']);
        // An earlier message matches too, not only the last one.
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'build apis' }))).toEqual(['dewi']);
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'graphql' }))).toEqual(['dewi']);
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'hello', status: 'active' }))).toEqual([]);
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'hello', status: 'closed' }))).toEqual(['hadi']);
        expect((await inbox.listConversationsByFilter({ q: '   ' })).pagination.total).toBe(5);
        expect((await inbox.listConversationsByFilter({ q: 'nobody-matches-this' })).pagination).toEqual({
          total: 0,
          page: 1,
          limit: 20,
          totalPages: 0,
        });
      });

      it('takes %, _ and ! in the search literally', async () => {
        expect(keysOf(await inbox.listConversationsByFilter({ q: '%' }))).toEqual(['eko']);
        expect(keysOf(await inbox.listConversationsByFilter({ q: '50%' }))).toEqual(['eko']);
        expect(keysOf(await inbox.listConversationsByFilter({ q: '_' }))).toEqual(['eko']);
        expect(keysOf(await inbox.listConversationsByFilter({ q: 'd_wi' }))).toEqual([]);
        expect(keysOf(await inbox.listConversationsByFilter({ q: '!' }))).toEqual([]);
        expect(keysOf(await inbox.listConversationsByFilter({ q: "'; DROP TABLE conversations; --" }))).toEqual([]);
        expect((await inbox.listConversationsByFilter({})).pagination.total).toBe(5);
      });

      it('lists a conversation that has no messages yet with a null last message', async () => {
        const session = await inbox.createChatSession({
          tokenHash: sha256(randomUUID()),
          visitorId: 'v_empty',
          expiresAt: new Date(Date.now() + DAY),
        });
        const { conversation } = await inbox.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
        const page = await inbox.listConversationsByFilter({});
        const row = page.conversations.find((item) => item.id === conversation.id)!;
        expect(row).toMatchObject({ lastMessage: null, unreadCount: 0 });
      });

      it('starts the first page with the conversations marked upset or urgent, marks once, and clears', async () => {
        const idsOf = (page: { conversations: { id: string }[] }) => page.conversations.map((row) => row.id);
        const fajar = made.fajar!.id;
        const plain = idsOf(await inbox.listConversationsByFilter({ status: 'active' }));
        expect(plain[0]).not.toBe(fajar);

        const marked = await inbox.markConversationMoodById({ id: fajar, mood: 'upset' });
        expect(marked).toMatchObject({ id: fajar, mood: 'upset', moodAt: expect.any(Date) });
        // Marked already: the first mark and its time stay.
        expect(await inbox.markConversationMoodById({ id: fajar, mood: 'urgent' })).toBeNull();
        expect(await inbox.markConversationMoodById({ id: UNKNOWN_ID, mood: 'urgent' })).toBeNull();
        expect(await inbox.markConversationMoodById({ id: 'not-an-id', mood: 'urgent' })).toBeNull();

        const first = await inbox.listConversationsByFilter({ status: 'active', limit: 1 });
        expect(idsOf(first)).toEqual([fajar, plain[0]]);
        expect(first.conversations[0]).toMatchObject({ mood: 'upset', lastMessage: { content: 'Looking for a React contractor' } });
        // Total and cursor are the plain listing's: the next pages go on after the newest row, Fajar coming again in its place.
        expect(first.pagination.total).toBe(plain.length);
        const next = await inbox.listConversationsByFilterAfterCursor({ status: 'active', limit: 100, cursor: first.nextCursor! });
        expect(idsOf(next)).toEqual(plain.slice(1));
        expect(idsOf(await inbox.listConversationsByFilter({ status: 'active' }))).toEqual([fajar, ...plain.filter((id) => id !== fajar)]);
        // Only on the first page, and only when it matches the filter.
        expect(idsOf(await inbox.listConversationsByFilter({ status: 'active', limit: 1, page: 2 }))).toEqual([plain[1]]);
        expect(idsOf(await inbox.listConversationsByFilter({ status: 'resolved' }))).not.toContain(fajar);

        const cleared = await inbox.updateConversationById({ id: fajar, mood: null });
        expect(cleared).toMatchObject({ mood: null, moodAt: null });
        expect(idsOf(await inbox.listConversationsByFilter({ status: 'active' }))).toEqual(plain);
      });
    });

    describe('conversation details', () => {
      it("returns the inbox fields and the visitor's first and last seen, page and browser", async () => {
        const { session, conversation } = await newConversation({ visitorName: 'Rina' });
        await send(conversation.id, 'visitor', 'Hi there');
        await tick();
        const later = new Date(Date.now() + 5);
        await repository.touchChatSessionById({
          id: session.id,
          expiresAt: new Date(Date.now() + 7 * DAY),
          pageUrl: 'https://example.com/projects/tanya',
          now: later,
        });

        const details = (await repository.getConversationDetailsById({ id: conversation.id }))!;
        expect(details).toMatchObject({
          id: conversation.id,
          visitorName: 'Rina',
          unreadCount: 1,
          lastMessage: { content: 'Hi there', senderType: 'visitor' },
          visitor: {
            firstSeenAt: session.createdAt,
            lastSeenAt: later,
            pageUrl: 'https://example.com/projects/tanya',
            userAgent: 'Mozilla/5.0 (test)',
          },
        });
      });

      it('counts reading the conversation as being seen', async () => {
        const { conversation } = await newConversation();
        const reply = await send(conversation.id, 'admin', 'Hello!');
        const readAt = new Date(Date.now() + 60_000);
        await repository.markMessagesReadByConversationId({ conversationId: conversation.id, reader: 'visitor', upToMessageId: reply.id, now: readAt });
        expect((await repository.getConversationDetailsById({ id: conversation.id }))!.visitor!.lastSeenAt).toEqual(readAt);
      });

      it("still finds the visitor's session after they moved on to a new conversation", async () => {
        const { session, conversation } = await newConversation();
        await repository.updateConversationById({ id: conversation.id, status: 'closed' });
        const { conversation: next } = await repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
        expect(next.id).not.toBe(conversation.id);
        const details = (await repository.getConversationDetailsById({ id: conversation.id }))!;
        expect(details.status).toBe('closed');
        expect(details.visitor).toMatchObject({ firstSeenAt: session.createdAt, userAgent: 'Mozilla/5.0 (test)' });
      });

      it('returns null for an unknown conversation', async () => {
        expect(await repository.getConversationDetailsById({ id: UNKNOWN_ID })).toBeNull();
      });
    });
  });
}
