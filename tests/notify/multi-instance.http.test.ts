import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMysqlDatabase, mysqlSkipReason, mysqlUrl, type TestDatabase } from '../helpers/databases';
import { deleteKeys, redisSkipReason, redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { ADMIN, adminEnv } from '../helpers/production-server';
import { signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp';
import { newVisitor, switchAiRepliesOff, visitorSend } from '../chat/helpers';

const skipReason = !redisUrl ? redisSkipReason : !mysqlUrl ? mysqlSkipReason : '';
const CONVERSATIONS = 6;

/*
 * Two instances on one MySQL database, both polling the same outbox: each
 * mail goes out once, whichever instance claims it.
 */
describe.skipIf(Boolean(skipReason))(`e-mail from two instances on MySQL and Redis${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let database: TestDatabase;
  let prefix: string;
  let smtp: SmtpSink;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    database = await createMysqlDatabase();
    smtp = await startSmtpSink();
    prefix = uniqueRedisPrefix();
    const env = {
      ...adminEnv,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      SMTP_URL: smtp.url,
      NOTIFY_AFTER_SECONDS: '1',
      CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    };
    // One after the other: the first start migrates the fresh database.
    a = await startTestServer({ env });
    b = await startTestServer({ env });
    await switchAiRepliesOff(a, await signInAsAdmin(a, ADMIN));
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await smtp?.stop();
    if (prefix) {
      const redis = new Redis(redisUrl!);
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  it('sends every mail exactly once, whichever instance took the message', async () => {
    // A slow SMTP server: each send outlasts the other instance's next poll, which must then find the row claimed.
    smtp.acceptDelayMs = 1_500;
    const names: string[] = [];
    for (let index = 0; index < CONVERSATIONS; index += 1) {
      const server = index % 2 === 0 ? a : b;
      const name = `Visitor ${randomUUID().slice(0, 8)}`;
      names.push(name);
      const token = await newVisitor(server);
      const sent = await visitorSend(server, token, { content: `Question ${index}`, clientMessageId: randomUUID(), visitorName: name });
      expect(sent.status).toBe(201);
    }
    await smtp.waitForMails(CONVERSATIONS, 30_000);
    await sleep(4_000);
    const subjects = smtp.to(ADMIN.email).map((mail) => mail.subject);
    for (const name of names) expect(subjects.filter((subject) => subject?.includes(name))).toHaveLength(1);
    // Both instances were polling: the logs say who sent what, and between them every mail was sent once.
    const sentBy = (server: TestServer) => server.logs.filter((entry) => entry.msg === 'notification sent').length;
    expect(sentBy(a) + sentBy(b)).toBe(CONVERSATIONS);
    expect(smtp.receiving).toBe(CONVERSATIONS);
  });
});
