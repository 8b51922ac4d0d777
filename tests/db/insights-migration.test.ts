import BetterSqlite3 from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzleMysql } from 'drizzle-orm/mysql2';
import { migrate as migrateMysql } from 'drizzle-orm/mysql2/migrator';
import { asc } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { createRepository } from '@/db/repository';
import { dialects, mysqlSkipReason } from '../helpers/databases';
import { migrationsUpTo } from '../helpers/migrations';

/*
 * Migration 0013_insights on a database an older release left: the day's token count stays (as the model ''),
 * and the hand-overs already stored get their reason from their metadata, so the Insights count them too.
 */

const BEFORE_INSIGHTS = '0012_team';
const NOW = Date.UTC(2026, 2, 4, 12);
const aiMessages = [
  { handover: true, notice: 'budget' },
  { handover: true, notice: 'human-requested' },
  { handover: true, notice: 'late' },
  // The model found nothing to answer from: a hand-over without a notice.
  { handover: true, provider: 'openai' },
  { provider: 'openai', inputTokens: 10 },
];

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`migration 0013_insights on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    it('keeps the token counts and gives stored hand-overs their reason', async () => {
      const testDb = await create();
      const { folder, remove } = migrationsUpTo(dialect, BEFORE_INSIGHTS);
      const statements = [
        ["insert into conversations (id, public_id, visitor_id, status, is_ai_handled, needs_human, last_message_at, created_at, updated_at) values (1, 'c1', 'v', 'active', 1, 1, ?, ?, ?)", [NOW, NOW, NOW]],
        ["insert into messages (conversation_id, sender_type, content, status, created_at) values (1, 'visitor', 'hi', 'sent', ?)", [NOW]],
        ...aiMessages.map((metadata) => ["insert into messages (conversation_id, sender_type, content, status, metadata, created_at) values (1, 'ai', 'a', 'sent', ?, ?)", [JSON.stringify(metadata), NOW]] as const),
        ["insert into ai_usage (day, tokens, updated_at) values ('2026-03-04', 1500, ?)", [NOW]],
      ] as const;
      try {
        if (dialect === 'sqlite') {
          const client = new BetterSqlite3(testDb.url.slice('file:'.length));
          migrateSqlite(drizzleSqlite({ client }), { migrationsFolder: folder });
          for (const [statement, values] of statements) client.prepare(statement).run(...values);
          client.close();
        } else {
          const connection = await mysql.createConnection({ uri: testDb.url, timezone: 'Z' });
          await migrateMysql(drizzleMysql({ client: connection }), { migrationsFolder: folder });
          const date = (value: string | number) => (typeof value === 'number' ? new Date(value) : value);
          for (const [statement, values] of statements) await connection.execute(statement, values.map(date));
          await connection.end();
        }

        await testDb.database.migrate();
        const { messages } = testDb.database.tables;
        const stored = await testDb.database.db.select({ sender: messages.senderType, reason: messages.handoverReason }).from(messages).orderBy(asc(messages.id));
        expect(stored).toEqual([
          { sender: 'visitor', reason: null },
          { sender: 'ai', reason: 'budget' },
          { sender: 'ai', reason: 'asked_for_human' },
          { sender: 'ai', reason: 'too_late' },
          { sender: 'ai', reason: 'not_in_portfolio' },
          { sender: 'ai', reason: null },
        ]);

        const repository = createRepository(testDb.database);
        expect(await repository.getAiTokenUsageByDay({ day: '2026-03-04' })).toBe(1500);
        await repository.addAiTokenUsageByDayAndModel({ day: '2026-03-04', model: 'gpt-4o-mini', tokens: 500 });
        expect(await repository.getAiTokenUsageByDay({ day: '2026-03-04' })).toBe(2000);
        const usage = await repository.listTokenUsageByDayAndModel({ from: new Date(NOW), to: new Date(NOW), fromDay: '2026-03-04', toDay: '2026-03-05' });
        expect(usage).toEqual([
          { day: '2026-03-04', model: '', tokens: 1500, pricePerMillion: null },
          { day: '2026-03-04', model: 'gpt-4o-mini', tokens: 500, pricePerMillion: null },
        ]);
      } finally {
        remove();
        await testDb.drop();
      }
    });
  });
}
