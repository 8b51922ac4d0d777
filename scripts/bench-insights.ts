/*
 * Insights query benchmark (a script, not a test): `npm run bench:insights [-- --mysql] [-- --messages 100000]`.
 *
 * Fills a fresh database (a temporary SQLite file, or with --mysql a database of its own on MYSQL_URL,
 * dropped afterwards) with about 100,000 messages over 120 days in the shapes a real chat has: conversations
 * the assistant answered, ones it handed over (with their reasons) and the owner took, ones both answered,
 * ones nobody did; token usage per day and model; unanswered questions. Then runs every query the Insights
 * page runs, for 7, 30 and 90 days, several times each, and prints the median and the slowest time per query.
 * Exits non-zero when any run took longer than 200 ms.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { openDatabase, type Database } from '@/db/client';
import { createRepository } from '@/db/repository';
import type { InsightsRange } from '@/db/repository/insights';
import { handoverReasons, type HandoverReason, type SenderType } from '@/db/schema/types';
import { insightsRange } from '@/insights/server/insights';
import { insightsPeriods } from '@/insights/types';
import { ms, percentile } from './stats';

const { values: args } = parseArgs({
  options: {
    mysql: { type: 'boolean', default: false },
    messages: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
  },
  strict: true,
});

const TARGET_MESSAGES = Number(args.messages);
const RUNS = Number(args.runs);
const LIMIT_MS = 200;
const DAYS = 120;
const DAY_MS = 24 * 60 * 60 * 1000;
const MODELS = ['gpt-4o-mini', 'gpt-4.1', 'llama3.1:8b'];

/** A deterministic generator, so two runs fill the same database. */
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

type BenchDatabase = {
  database: Database;
  /** What a live database has and a freshly bulk-loaded one lacks: current index statistics. */
  analyze: () => Promise<void>;
  drop: () => Promise<void>;
};

async function openBenchDatabase(): Promise<BenchDatabase> {
  if (!args.mysql) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-bench-insights-'));
    const database = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.db') });
    // SQLite's planner picks these queries' indexes without statistics.
    return { database, analyze: async () => {}, drop: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const server = process.env.MYSQL_URL;
  if (!server) throw new Error('--mysql needs MYSQL_URL, e.g. MYSQL_URL=mysql://root@127.0.0.1:3306/test');
  const name = `tanya_bench_insights_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = openDatabase({ dialect: 'mysql', url: url.toString() });
  return {
    database,
    // InnoDB recalculates a table's statistics in the background some time after 10% of it changed; until then
    // MariaDB may estimate thousands of messages per conversation and probe the hand-over index instead.
    analyze: async () => void (await admin.query(`ANALYZE TABLE \`${name}\`.conversations, \`${name}\`.messages, \`${name}\`.unanswered_questions`)),
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

type Shape = 'assistant' | 'handover-owner' | 'both' | 'handover-nobody' | 'nobody' | 'owner';
const SHAPES: [Shape, number][] = [
  ['assistant', 40],
  ['both', 20],
  ['handover-owner', 15],
  ['handover-nobody', 7],
  ['nobody', 10],
  ['owner', 8],
];
const shapeOf = () => {
  let roll = random() * 100;
  for (const [shape, weight] of SHAPES) if ((roll -= weight) < 0) return shape;
  return 'assistant';
};

type Line = { senderType: SenderType; at: number; handoverReason: HandoverReason | null };

/** One conversation's messages: visitor turns, each answered as its shape says, minutes apart. */
function conversationLines(start: number): Line[] {
  const shape = shapeOf();
  const lines: Line[] = [];
  let at = start;
  const say = (senderType: SenderType, handoverReason: HandoverReason | null = null) => lines.push({ senderType, at: (at += between(2, 240) * 1000), handoverReason });
  const turns = between(6, 16);
  for (let turn = 0; turn < turns; turn++) {
    say('visitor');
    if (shape === 'assistant' || (shape === 'both' && turn < turns / 2)) say('ai');
    else if ((shape === 'handover-owner' || shape === 'handover-nobody') && turn === 0) say('ai', pick(handoverReasons));
    if ((shape === 'both' || shape === 'handover-owner' || shape === 'owner') && turn >= turns / 2) {
      if (turn === Math.ceil(turns / 2)) at += between(30, 6 * 60 * 60) * 1000;
      say('admin');
    }
  }
  return lines;
}

async function fill(database: Database) {
  const { conversations, messages, unansweredQuestions } = database.tables;
  const repository = createRepository(database);
  const now = Date.now();
  let written = 0;
  let conversationCount = 0;
  while (written < TARGET_MESSAGES) {
    // A batch of conversations and their messages per transaction: quick on both dialects, small enough for MySQL's packet limit.
    const batch = Array.from({ length: 100 }, () => {
      const start = now - between(0, DAYS * DAY_MS);
      return { start, lines: conversationLines(start) };
    });
    await database.transaction(async (tx) => {
      const keys = await database.insertReturningIds(
        conversations,
        batch.map(({ start }) => {
          // About a third of the conversations get resolved and rated, a while after they started.
          const ratedAt = Math.random() < 0.35 ? new Date(Math.min(now, start + between(60_000, DAY_MS))) : null;
          return {
            publicId: randomBytes(16).toString('hex'),
            visitorId: randomBytes(8).toString('hex'),
            createdAt: new Date(start),
            lastMessageAt: new Date(start),
            ...(ratedAt ? { status: 'resolved' as const, resolvedAt: ratedAt, rating: between(1, 5), ratedAt } : {}),
          };
        }),
        tx,
      );
      const rows = batch.flatMap(({ lines }, index) =>
        lines.map((line) => ({ conversationId: keys[index]!, senderType: line.senderType, content: 'A message of ordinary length, as visitors write them.', createdAt: new Date(line.at), handoverReason: line.handoverReason })),
      );
      for (let offset = 0; offset < rows.length; offset += 500) await tx.insert(messages).values(rows.slice(offset, offset + 500));
      written += rows.length;
    });
    conversationCount += batch.length;
  }
  for (let day = 0; day < DAYS; day++) {
    const date = new Date(now - day * DAY_MS).toISOString().slice(0, 10);
    for (const model of MODELS) await repository.addAiTokenUsageByDayAndModel({ day: date, model, tokens: between(1_000, 400_000) });
  }
  await repository.setModelPrice({ model: 'gpt-4o-mini', pricePerMillion: 0.6 });
  await repository.setModelPrice({ model: 'gpt-4.1', pricePerMillion: 8 });
  const questions = Array.from({ length: 2_000 }, (_, index) => {
    const asked = new Date(now - between(0, DAYS * DAY_MS));
    return { text: `Question ${index}?`, normalized: `question ${index}`, language: 'en' as const, reason: 'not_in_portfolio' as const, count: between(1, 40), firstAskedAt: asked, lastAskedAt: asked };
  });
  await database.transaction(async (tx) => {
    for (let offset = 0; offset < questions.length; offset += 500) await tx.insert(unansweredQuestions).values(questions.slice(offset, offset + 500));
  });
  return { conversations: conversationCount, messages: written };
}

async function main() {
  const { database, analyze, drop } = await openBenchDatabase();
  let failed = false;
  try {
    await database.migrate();
    const started = performance.now();
    const filled = await fill(database);
    await analyze();
    console.log(`${database.dialect}: ${filled.conversations} conversations, ${filled.messages} messages over ${DAYS} days (filled in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const repository = createRepository(database);
    const queries: [string, (range: InsightsRange) => Promise<unknown>][] = [
      ['conversations by day', (range) => repository.listConversationCountsByDay(range)],
      ['first owner reply waits', (range) => repository.listFirstOwnerReplyWaits(range)],
      ['hand-overs by reason', (range) => repository.countHandoversByReason(range)],
      ['tokens by day and model', (range) => repository.listTokenUsageByDayAndModel(range)],
      ['model prices', () => repository.listModelPrices()],
      ['top unanswered', (range) => repository.listTopUnansweredQuestions(range)],
      ['ratings by day', (range) => repository.listRatingCountsByDay(range)],
    ];
    console.log(`\n${'query'.padEnd(26)} ${'days'.padStart(4)} ${'median ms'.padStart(10)} ${'max ms'.padStart(8)}`);
    for (const days of insightsPeriods) {
      const range = insightsRange(days, new Date());
      for (const [name, run] of queries) {
        const times: number[] = [];
        for (let attempt = 0; attempt < RUNS; attempt++) {
          const start = performance.now();
          await run(range);
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const max = times.at(-1)!;
        if (max > LIMIT_MS) failed = true;
        console.log(`${name.padEnd(26)} ${String(days).padStart(4)} ${ms(percentile(times, 50)).padStart(10)} ${ms(max).padStart(8)}${max > LIMIT_MS ? `  over ${LIMIT_MS} ms` : ''}`);
      }
    }
  } finally {
    await drop();
  }
  if (failed) {
    console.error(`\nA query took longer than ${LIMIT_MS} ms.`);
    process.exit(1);
  }
}

await main();
