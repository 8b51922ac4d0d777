import http from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A small OpenAI-compatible server for tests and benchmarks: it speaks the
 * real chat-completions streaming wire format (server-sent events of
 * `chat.completion.chunk`, a usage chunk, `data: [DONE]`), records every
 * request body, and can be told to fail with a status or to hang.
 */

export type UpstreamBehaviour =
  | { kind: 'stream'; chunks: string[]; firstTokenDelayMs?: number; chunkDelayMs?: number; usage?: { prompt: number; completion: number } }
  | { kind: 'status'; status: number }
  | { kind: 'hang' };

export type UpstreamRequest = {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
  max_tokens?: number;
  temperature?: number;
  stream_options?: { include_usage?: boolean };
  /** When the request arrived (performance.now() of this process). */
  receivedAt: number;
  /** When the first content chunk was written, for measuring the server's overhead over it. */
  firstTokenAt?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startChatCompletionsUpstream(
  defaultBehaviour: UpstreamBehaviour = { kind: 'stream', chunks: ['Hello', ' from', ' upstream.'] },
) {
  const requests: UpstreamRequest[] = [];
  const planned: UpstreamBehaviour[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer(async (req, res) => {
    const receivedAt = performance.now();
    let body = '';
    for await (const chunk of req) body += chunk;
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const request = { ...(JSON.parse(body) as Omit<UpstreamRequest, 'receivedAt'>), receivedAt };
    requests.push(request);
    const behaviour = planned.shift() ?? defaultBehaviour;

    if (behaviour.kind === 'status') {
      res
        .writeHead(behaviour.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `upstream says ${behaviour.status}`, type: 'server_error' } }));
      return;
    }
    if (behaviour.kind === 'hang') {
      hanging.add(res);
      res.once('close', () => hanging.delete(res));
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const id = `chatcmpl-${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const send = (payload: object) =>
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, ...payload })}\n\n`);
    send({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    if (behaviour.firstTokenDelayMs) await sleep(behaviour.firstTokenDelayMs);
    for (const [index, chunk] of behaviour.chunks.entries()) {
      if (index > 0 && behaviour.chunkDelayMs) await sleep(behaviour.chunkDelayMs);
      if (res.destroyed) return;
      request.firstTokenAt ??= performance.now();
      send({ choices: [{ index: 0, delta: { content: chunk }, finish_reason: null }] });
    }
    send({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    const usage = behaviour.usage ?? { prompt: 42, completion: behaviour.chunks.length };
    send({ choices: [], usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion } });
    res.end('data: [DONE]\n\n');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The base URL to give AI_BASE_URL. */
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    /** What the next requests get, in order; afterwards the default applies again. */
    plan(...behaviours: UpstreamBehaviour[]) {
      planned.push(...behaviours);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type ChatCompletionsUpstream = Awaited<ReturnType<typeof startChatCompletionsUpstream>>;
