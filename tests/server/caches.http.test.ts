import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionToken } from '@/chat/server/visitor-session';
import type { Repository } from '@/db/repository';
import { createRepository } from '@/db/repository';
import { conversationChannel, type MessagePayload } from '@/realtime/channels';
import { samplePortfolio } from '@/portfolio/sample';
import type { PortfolioDocument } from '@/portfolio/schema';
import { startSession } from '../helpers/bot-gate';
import { createMysqlDatabase, mysqlSkipReason, mysqlUrl, type TestDatabase } from '../helpers/databases';
import { ADMIN, adminEnv, useProductionServer } from '../helpers/production-server';
import { deleteKeys, redisSkipReason, redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { connect, createClient } from '../realtime/helpers';
import { visitorGet, visitorSend } from '../chat/helpers';

/*
 * What the server keeps in memory (settings, the portfolio, visitor
 * sessions) must never outlive the write that changed it: a change is seen
 * by the very next request, on the instance that took it and, through
 * Redis, on every other. The caches keep entries for seconds, so each check
 * here reads right after the write, without waiting or polling.
 */

const quietLimits = {
  CHAT_RATE_LIMIT_PER_MINUTE: '0',
  CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
  CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
};

/** Where writes go and where the next request reads: the same server, or two instances. */
type Instances = { writer: TestServer; reader: TestServer; adminCookie: string; repository: Repository };

const session = async (server: TestServer, body: Record<string, unknown> = {}) => {
  const response = await startSession(server, body);
  expect(response.status).toBe(200);
  return response.body.data as { sessionToken: string; welcomeMessage: string; aiEnabled: boolean };
};

async function aiReplyTo(server: TestServer, question: string): Promise<string> {
  const { sessionToken } = await session(server);
  const sent = await visitorSend(server, sessionToken, { content: question, clientMessageId: randomUUID() });
  expect(sent.status).toBe(201);
  const conversationId = sent.body.data.conversationId as string;
  let reply: MessagePayload | undefined;
  await expect
    .poll(async () => {
      const { body } = await visitorGet(server, sessionToken, `/api/chat/messages?conversationId=${conversationId}`);
      reply = (body.data.messages as MessagePayload[]).find((message) => message.senderType === 'ai');
      return reply !== undefined;
    }, { timeout: 15_000 })
    .toBe(true);
  return reply!.content;
}

function cacheScenarios(instances: () => Instances) {
  const patchSettings = async (patch: Record<string, unknown>) => {
    const { writer, adminCookie } = instances();
    const response = await api(writer, '/api/chat/settings', { method: 'PATCH', body: patch, cookie: adminCookie });
    expect(response.status).toBe(200);
  };

  it('greets the next visitor with the welcome text saved a moment ago', async () => {
    const { reader } = instances();
    await patchSettings({ welcomeMessage: 'Welcome, first version.' });
    expect((await session(reader)).welcomeMessage).toBe('Welcome, first version.');
    await patchSettings({ welcomeMessage: 'Welcome, second version.' });
    expect((await session(reader)).welcomeMessage).toBe('Welcome, second version.');
  });

  it('decides whether the assistant answers by the AI switch as it is now', async () => {
    const { reader } = instances();
    const send = async () => {
      const { sessionToken } = await session(reader);
      const sent = await visitorSend(reader, sessionToken, { content: 'Hello?', clientMessageId: randomUUID() });
      expect(sent.status).toBe(201);
      return sent.body.data.aiResponsePending as boolean;
    };
    await patchSettings({ aiEnabled: true });
    expect(await send()).toBe(true);
    await patchSettings({ aiEnabled: false });
    expect(await send()).toBe(false);
    expect((await session(reader)).aiEnabled).toBe(false);
    await patchSettings({ aiEnabled: true });
    expect(await send()).toBe(true);
  });

  it('answers from the portfolio as the owner saved it a moment ago, on the public page too', async () => {
    const { writer, reader, adminCookie } = instances();
    await patchSettings({ aiEnabled: true });
    const project = 'Zebra Ledger';
    const before = await aiReplyTo(reader, `Tell me about ${project}`);
    expect(before).not.toContain(project);

    const document: PortfolioDocument = {
      ...samplePortfolio,
      projects: [{ name: project, description: 'A double-entry ledger for striped equids.', techStack: ['Elixir'], year: '2025' }, ...samplePortfolio.projects],
    };
    const saved = await api(writer, '/api/admin/portfolio', { method: 'PUT', body: document, cookie: adminCookie });
    expect(saved.status).toBe(200);
    expect(await aiReplyTo(reader, `Tell me about ${project}`)).toContain(project);
    const home = await fetch(reader.url);
    expect(await home.text()).toContain(project);
  });

  it("lets a visitor into the conversation its first message just created, and nobody else", async () => {
    const { writer, reader } = instances();
    const { sessionToken } = await session(reader);
    // The reader has this session in memory, bound to no conversation yet.
    expect((await visitorGet(reader, sessionToken, `/api/chat/messages?conversationId=${'x'.repeat(20)}`)).status).toBe(404);
    const first = await visitorSend(writer, sessionToken, { content: 'First message', clientMessageId: randomUUID() });
    expect(first.status).toBe(201);
    const conversationId = first.body.data.conversationId as string;

    const own = await visitorGet(reader, sessionToken, `/api/chat/messages?conversationId=${conversationId}`);
    expect(own.status).toBe(200);
    expect(own.body.data.messages.map((message: MessagePayload) => message.content)).toContain('First message');
    const again = await visitorSend(reader, sessionToken, { conversationId, content: 'Second message', clientMessageId: randomUUID() });
    expect(again.status).toBe(201);

    const stranger = await session(reader);
    expect((await visitorGet(reader, stranger.sessionToken, `/api/chat/messages?conversationId=${conversationId}`)).status).toBe(404);
    const intrusion = await visitorSend(reader, stranger.sessionToken, { conversationId, content: 'Let me in', clientMessageId: randomUUID() });
    expect(intrusion.status).toBe(404);
  });

  it('refuses a session from the moment it expires, over HTTP and for sockets, however recently it was read', async () => {
    const { reader, repository } = instances();
    const token = randomUUID();
    const live = await repository.createChatSession({ tokenHash: hashSessionToken(token), visitorId: randomUUID(), expiresAt: new Date(Date.now() + 2_000) });
    const { conversation } = await repository.getOrCreateOpenConversationBySessionId({ sessionId: live.id });
    const messages = () => visitorGet(reader, token, `/api/chat/messages?conversationId=${conversation.id}`);
    expect((await messages()).status).toBe(200);
    const socket = await connect(createClient(reader, { auth: { sessionToken: token } }));
    try {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, live.expiresAt.getTime() - Date.now()) + 50));
      const refused = await messages();
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('unauthorized:session');
      expect(await socket.timeout(5_000).emitWithAck('subscribe', conversationChannel(conversation.id))).toEqual({ ok: false, error: 'forbidden' });
      await expect(connect(createClient(reader, { auth: { sessionToken: token } }))).rejects.toThrow('unauthorized');
    } finally {
      socket.close();
    }
  });
}

describe('caches on one instance (SQLite)', () => {
  const fixture = useProductionServer({ admin: true, repository: true, env: quietLimits });
  cacheScenarios(() => ({ writer: fixture.server, reader: fixture.server, adminCookie: fixture.adminCookie, repository: fixture.repository }));
});

const twoInstancesSkip = !redisUrl ? redisSkipReason : !mysqlUrl ? mysqlSkipReason : '';

describe.skipIf(Boolean(twoInstancesSkip))(
  `caches on two instances sharing MySQL and Redis: written on A, read on B${twoInstancesSkip ? ` (skipped: ${twoInstancesSkip})` : ''}`,
  () => {
    let database: TestDatabase;
    let prefix: string;
    let a: TestServer;
    let b: TestServer;
    let adminCookie: string;

    beforeAll(async () => {
      database = await createMysqlDatabase();
      prefix = uniqueRedisPrefix();
      const env = { ...adminEnv, ...quietLimits, DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
      // One after the other: the first start migrates the fresh database.
      a = await startTestServer({ env });
      b = await startTestServer({ env });
      adminCookie = await signInAsAdmin(a, ADMIN);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.drop();
      if (prefix) {
        const redis = new Redis(redisUrl!);
        await deleteKeys(redis, prefix);
        redis.disconnect();
      }
    });

    cacheScenarios(() => ({ writer: a, reader: b, adminCookie, repository: createRepository(database.database) }));
  },
);
