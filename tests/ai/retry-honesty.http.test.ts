import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MessagePayload } from '@/realtime/channels';
import { startChatCompletionsUpstream, type ChatCompletionsUpstream } from '../helpers/chat-completions-upstream';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { newVisitor, visitorGet, visitorSend } from '../chat/helpers';
import { ADMIN, adminEnv } from '../helpers/production-server';

/*
 * A send answered `aiResponsePending: true` promises a reply. The reply job
 * lives in the process's memory; a retry of the same clientMessageId must
 * not repeat that promise when the job died with an earlier process: it
 * queues the reply again, or says none is coming.
 */
describe('a retried send tells the truth about its AI reply', () => {
  let upstream: ChatCompletionsUpstream;
  let servers: TestServer[] = [];

  const start = async (dataDir?: string) => {
    const server = await startTestServer({ env: { ...adminEnv, AI_BASE_URL: upstream.baseUrl, AI_MODEL: 'test-model' }, dataDir });
    servers.push(server);
    return server;
  };
  const aiMessages = async (server: TestServer, token: string, conversationId: string) => {
    const page = await visitorGet(server, token, `/api/chat/messages?conversationId=${conversationId}&limit=50`);
    return (page.body.data.messages as MessagePayload[]).filter((message) => message.senderType === 'ai');
  };
  /** A visitor asks through `server` with AI replies from the upstream; answers the send and what to retry. */
  const ask = async (server: TestServer) => {
    const cookie = await signInAsAdmin(server, ADMIN);
    const settings = await api(server, '/api/chat/settings', { method: 'PATCH', body: { aiEnabled: true, aiProvider: 'openai-compatible' }, cookie });
    expect(settings.status).toBe(200);
    const token = await newVisitor(server);
    const body = { content: 'What do you build?', clientMessageId: randomUUID() };
    const sent = await visitorSend(server, token, body);
    expect(sent.status).toBe(201);
    expect(sent.body.data.aiResponsePending).toBe(true);
    return { token, body, sent: sent.body.data as MessagePayload & { aiResponsePending: boolean } };
  };

  beforeAll(async () => {
    upstream = await startChatCompletionsUpstream();
  });
  afterEach(async () => {
    for (const server of servers) await server.stop();
    servers = [];
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('after the process died with the reply in memory, the restarted server answers it once, and a retry says so', async () => {
    const first = await start();
    // The reply the restarted server generates is still coming when the visitor retries.
    upstream.plan({ kind: 'hang' }, { kind: 'stream', chunks: ['Recovered', ' answer.'], firstTokenDelayMs: 2_000 });
    const asked = upstream.requests.length;
    const { token, body, sent } = await ask(first);
    await expect.poll(() => upstream.requests.length, { timeout: 10_000 }).toBe(asked + 1);
    await first.stop('SIGKILL');

    const second = await start(first.dataDir);
    await expect.poll(() => upstream.requests.length, { timeout: 10_000 }).toBe(asked + 2);
    const retried = await visitorSend(second, token, body);
    expect(retried.status).toBe(200);
    expect(retried.body.data).toMatchObject({ id: sent.id, aiResponsePending: true });
    await expect.poll(() => aiMessages(second, token, sent.conversationId), { timeout: 15_000 }).toHaveLength(1);
    expect((await aiMessages(second, token, sent.conversationId))[0]!.content).toBe('Recovered answer.');
    expect(second.logs.find((entry) => entry.msg === 'AI replies lost with a process recovered')).toMatchObject({ retried: 1 });
    // The retry found it queued by the recovery: nothing was queued twice.
    expect(second.logs.some((entry) => entry.msg === 'AI reply lost with an earlier process; queued again')).toBe(false);
    expect(upstream.requests.length).toBe(asked + 2);

    const afterAnswer = await visitorSend(second, token, body);
    expect(afterAnswer.body.data).toMatchObject({ id: sent.id, aiResponsePending: false });
    expect(await aiMessages(second, token, sent.conversationId)).toHaveLength(1);
  }, 90_000);

  it('a retry while the reply is still being generated says it is pending and does not queue it twice', async () => {
    const server = await start();
    upstream.plan({ kind: 'stream', chunks: ['Slow', ' answer.'], firstTokenDelayMs: 1_500 });
    const asked = upstream.requests.length;
    const { token, body, sent } = await ask(server);
    await expect.poll(() => upstream.requests.length, { timeout: 10_000 }).toBe(asked + 1);

    const retried = await visitorSend(server, token, body);
    expect(retried.body.data).toMatchObject({ id: sent.id, aiResponsePending: true });
    await expect.poll(() => aiMessages(server, token, sent.conversationId), { timeout: 15_000 }).toHaveLength(1);
    expect(upstream.requests.length).toBe(asked + 1);
    expect(server.logs.some((entry) => entry.msg === 'AI reply lost with an earlier process; queued again')).toBe(false);
  }, 60_000);
});
