import { createHash, randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzleMysql } from 'drizzle-orm/mysql2';
import { migrate as migrateMysql } from 'drizzle-orm/mysql2/migrator';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { CONVERSATION_ID_PATTERN } from '@/chat/conversation-id';
import { createRepository } from '@/db/repository';
import { dialects, mysqlSkipReason, useMigratedRepository, type TestDatabase } from '../helpers/databases';
import { migrationsUpTo } from '../helpers/migrations';

/*
 * Conversations are named by a random public id; the numeric key never leaves
 * the repository. And a database made before the public id existed gets one
 * for every conversation it holds when it is migrated.
 */

const DAY = 24 * 60 * 60 * 1000;
/** The last migration before conversations had a public id. */
const BEFORE_PUBLIC_ID = '0002_realtime_presence';

/** Migrates to the old schema and stores two conversations (with messages and a bound session) the old way, by SQL. */
async function seedOldDatabase(dialect: 'sqlite' | 'mysql', url: string): Promise<void> {
  const { folder, remove } = migrationsUpTo(dialect, BEFORE_PUBLIC_ID);
  const now = Date.now();
  const rows = (key: number) => ({
    conversation: [key, `v_${randomUUID()}`, 'active', true, false, now, now, now],
    message: [key, 'visitor', `hello from ${key}`, 'sent', now],
    session: [createHash('sha256').update(randomUUID()).digest('hex'), `v_${key}`, key, now, now, now + DAY],
  });
  const statements = {
    conversation:
      'insert into conversations (id, visitor_id, status, is_ai_handled, needs_human, last_message_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    message: 'insert into messages (conversation_id, sender_type, content, status, created_at) values (?, ?, ?, ?, ?)',
    session: 'insert into chat_sessions (token_hash, visitor_id, conversation_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?, ?)',
  };
  try {
    if (dialect === 'sqlite') {
      const client = new BetterSqlite3(url.slice('file:'.length));
      migrateSqlite(drizzleSqlite({ client }), { migrationsFolder: folder });
      for (const key of [1, 2]) {
        const row = rows(key);
        client.prepare(statements.conversation).run(row.conversation.map((value) => (typeof value === 'boolean' ? Number(value) : value)));
        client.prepare(statements.message).run(row.message);
        client.prepare(statements.session).run(row.session);
      }
      client.close();
    } else {
      const connection = await mysql.createConnection({ uri: url, timezone: 'Z' });
      await migrateMysql(drizzleMysql({ client: connection }), { migrationsFolder: folder });
      const date = (value: string | number | boolean) => (typeof value === 'number' && value > 1e12 ? new Date(value) : value);
      for (const key of [1, 2]) {
        const row = rows(key);
        await connection.execute(statements.conversation, row.conversation.map(date));
        await connection.execute(statements.message, row.message.map(date));
        await connection.execute(statements.session, row.session.map(date));
      }
      await connection.end();
    }
  } finally {
    remove();
  }
}

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`conversation public ids on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);

    async function newConversation() {
      const session = await fixture.repository.createChatSession({
        tokenHash: createHash('sha256').update(randomUUID()).digest('hex'),
        visitorId: `v_${randomUUID()}`,
        expiresAt: new Date(Date.now() + DAY),
      });
      return (await fixture.repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id })).conversation;
    }

    it('gives two new conversations random, unrelated ids, and names their messages and sessions by them', async () => {
      const first = await newConversation();
      const second = await newConversation();
      for (const id of [first.id, second.id]) expect(id).toMatch(CONVERSATION_ID_PATTERN);
      expect(first.id).not.toBe(second.id);
      // Unrelated: as many differing hex digits as two random ids have (about 30 of 32), not a counter's one or two.
      const differing = [...first.id].filter((digit, index) => digit !== second.id[index]).length;
      expect(differing).toBeGreaterThan(16);

      const { message } = await fixture.repository.createMessage({ conversationId: second.id, senderType: 'visitor', content: 'hi' });
      expect(message.conversationId).toBe(second.id);
      expect((await fixture.repository.getMessageById({ id: message.id }))!.conversationId).toBe(second.id);
    });

    it('finds nothing by a numeric key or a malformed id', async () => {
      const conversation = await newConversation();
      await fixture.repository.createMessage({ conversationId: conversation.id, senderType: 'visitor', content: 'hi' });
      for (const id of ['1', '2', conversation.id.toUpperCase(), `${conversation.id} `, '', "' or 1=1 --"]) {
        expect(await fixture.repository.getConversationById({ id })).toBeNull();
        expect(await fixture.repository.getConversationDetailsById({ id })).toBeNull();
        expect((await fixture.repository.listMessagesByConversationId({ conversationId: id })).messages).toEqual([]);
        await expect(fixture.repository.createMessage({ conversationId: id, senderType: 'visitor', content: 'x' })).rejects.toThrow(/does not exist/);
      }
    });
  });

  describe.skipIf(skip)(`upgrading a ${dialect} database made before public ids`, () => {
    let testDb: TestDatabase | undefined;
    afterAll(async () => {
      await testDb?.drop();
    });

    it('gives every existing conversation its own random id and keeps its messages and sessions', async () => {
      testDb = await create();
      await seedOldDatabase(dialect, testDb.url);
      await testDb.database.migrate();
      const repository = createRepository(testDb.database);

      const { conversations } = await repository.listConversationsByFilter({});
      expect(conversations).toHaveLength(2);
      const ids = conversations.map((conversation) => conversation.id);
      for (const id of ids) expect(id).toMatch(CONVERSATION_ID_PATTERN);
      expect(new Set(ids).size).toBe(2);
      for (const conversation of conversations) {
        const { messages } = await repository.listMessagesByConversationId({ conversationId: conversation.id });
        expect(messages.map((message) => message.content)).toEqual([conversation.lastMessage!.content]);
        expect(messages[0]!.conversationId).toBe(conversation.id);
        expect((await repository.getConversationDetailsById({ id: conversation.id }))!.visitor).not.toBeNull();
      }
      // And the upgraded database takes new conversations as a fresh one does.
      const session = await repository.createChatSession({ tokenHash: 'a'.repeat(64), visitorId: 'v_new', expiresAt: new Date(Date.now() + DAY) });
      const { conversation } = await repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id });
      expect(conversation.id).toMatch(CONVERSATION_ID_PATTERN);
      expect(ids).not.toContain(conversation.id);
    });
  });
}
