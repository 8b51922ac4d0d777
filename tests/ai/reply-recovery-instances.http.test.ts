import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationChannel, type MessagePayload } from '@/realtime/channels';
import { startChatCompletionsUpstream, type ChatCompletionsUpstream } from '../helpers/chat-completions-upstream';
import { createMysqlDatabase, mysqlSkipReason, mysqlUrl, type TestDatabase } from '../helpers/databases';
import { deleteKeys, redisSkipReason, redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { newVisitor, visitorGet, visitorSend } from '../chat/helpers';
import { ADMIN, adminEnv } from '../helpers/production-server';
import { connect, createClient, type TestSocket } from '../realtime/helpers';

const skipReason = !redisUrl ? redisSkipReason : !mysqlUrl ? mysqlSkipReason : '';
/** An instance's heartbeat entry lives 30 s, and the survivors' next beat notices it gone: well within this. */
const DEATH_NOTICED_WITHIN_MS = 60_000;

/*
 * Several instances on one MySQL database and one Redis: the instance
 * generating a reply is killed, and exactly one of the survivors notices
 * (its heartbeat stopped) and answers the question, once.
 */
describe.skipIf(Boolean(skipReason))(`a reply lost with a dead instance${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let database: TestDatabase;
  let prefix: string;
  let upstream: ChatCompletionsUpstream;
  let doomed: TestServer;
  let survivors: TestServer[];
  let visitorSocket: TestSocket | undefined;

  const instanceEnv = () => ({
    ...adminEnv,
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    AI_BASE_URL: upstream.baseUrl,
    AI_MODEL: 'test-model',
  });

  beforeAll(async () => {
    database = await createMysqlDatabase();
    upstream = await startChatCompletionsUpstream({ kind: 'stream', chunks: ['Answered', ' by a survivor.'] });
    prefix = uniqueRedisPrefix();
    // One after the other: the first start migrates the fresh database.
    doomed = await startTestServer({ env: instanceEnv() });
    survivors = [];
    for (let i = 0; i < 2; i++) survivors.push(await startTestServer({ env: instanceEnv() }));
    const ownerCookie = await signInAsAdmin(survivors[0]!, ADMIN);
    const settings = await api(survivors[0]!, '/api/chat/settings', { method: 'PATCH', body: { aiEnabled: true, aiProvider: 'openai-compatible' }, cookie: ownerCookie });
    expect(settings.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    visitorSocket?.close();
    await Promise.all([doomed?.stop(), ...(survivors ?? []).map((server) => server.stop())]);
    await database?.drop();
    await upstream?.close();
    if (prefix) {
      const redis = new Redis(redisUrl!);
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  it('SIGKILL while its reply is being generated: exactly one survivor answers, once, and the visitor sees it live', async () => {
    upstream.plan({ kind: 'hang' });
    const asked = upstream.requests.length;
    const token = await newVisitor(doomed);
    const sent = await visitorSend(doomed, token, { content: 'What do you build?' });
    expect(sent.status).toBe(201);
    expect(sent.body.data.aiResponsePending).toBe(true);
    const conversationId: string = sent.body.data.conversationId;
    // The doomed instance claimed the question and is waiting on the upstream.
    await expect.poll(() => upstream.requests.length, { timeout: 10_000 }).toBe(asked + 1);

    // The visitor's widget is connected (through the load balancer) to a survivor.
    visitorSocket = createClient(survivors[1]!, { auth: { sessionToken: token } });
    await connect(visitorSocket);
    expect(await visitorSocket.timeout(5_000).emitWithAck('subscribe', conversationChannel(conversationId))).toMatchObject({ ok: true });
    const answered = new Promise<MessagePayload>((resolve) => {
      visitorSocket!.on('new-message' as never, ((_channel: string, message: MessagePayload) => {
        if (message.senderType === 'ai') resolve(message);
      }) as never);
    });

    await doomed.stop('SIGKILL');
    const live = await Promise.race([
      answered,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no survivor answered in time')), DEATH_NOTICED_WITHIN_MS)),
    ]);
    expect(live).toMatchObject({ senderType: 'ai', content: 'Answered by a survivor.' });

    const aiMessages = async () => {
      const page = await visitorGet(survivors[0]!, token, `/api/chat/messages?conversationId=${conversationId}&limit=50`);
      return (page.body.data.messages as MessagePayload[]).filter((message) => message.senderType === 'ai');
    };
    // Long enough for a second answer, had the other survivor generated one too.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await aiMessages()).toHaveLength(1);
    expect(upstream.requests.length).toBe(asked + 2);
    const recoveries = survivors.flatMap((server) =>
      server.logs.filter((entry) => entry.msg === 'AI replies lost with a process recovered' && entry.trigger === 'instance-gone'),
    );
    expect(recoveries).toEqual([expect.objectContaining({ retried: 1, handedOver: 0 })]);
  }, 120_000);
});
