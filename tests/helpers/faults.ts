import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { createChatClient, type ChatClient } from '@/chat/client';
import { conversationChannel } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';
import { createSocketIoConnector } from '@/realtime/client/socket-io-connector';
import { fastReconnect, startCuttableProxy, untilMessages, untilState } from '../chat/realtime-helpers';
import { newVisitor, visitorGet, visitorSend } from '../chat/helpers';
import { api, type TestServer } from './server';

/*
 * Fault scenarios shared by the fault tests (small, for CI) and
 * `npm run bench:faults` (larger, printing the figures): each drives a real
 * server with real clients, breaks something, and reports what was lost,
 * what was stored twice and how long recovery took.
 */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type StormResult = {
  visitors: number;
  /** Messages acknowledged (201) while the clients were cut off that a client never got back. */
  lost: number;
  /** Messages a client holds more than once. */
  duplicated: number;
  /** Per client: from the network's return until every acknowledged message is on screen again. */
  catchUpMs: number[];
  /** Conversations missing from the owner's resynced inbox. */
  missingFromInbox: number;
};

/**
 * The reconnect storm: `visitors` chat clients, all through one proxy that
 * is cut; while they are away the owner writes `missed` messages to each;
 * then the network returns and everyone reconnects at once.
 */
export async function reconnectStorm(server: TestServer, cookie: string, options: { visitors: number; missed: number }): Promise<StormResult> {
  const proxy = await startCuttableProxy(server);
  const clients: { conversationId: string; connector: RealtimeConnector; client: ChatClient; expected: number[] }[] = [];
  try {
    for (let index = 0; index < options.visitors; index += 10) {
      const batch = Array.from({ length: Math.min(10, options.visitors - index) }, async (_, offset) => {
        const token = await newVisitor(server);
        const first = await visitorSend(server, token, { content: `Visitor ${index + offset} says hi`, clientMessageId: randomUUID() });
        const conversationId: string = first.body.data.conversationId;
        const connector = createSocketIoConnector({ url: proxy.url, sessionToken: token, socketOptions: fastReconnect });
        const client = createChatClient({ baseUrl: server.url, connector, auth: { sessionToken: token } });
        clients.push({ conversationId, connector, client, expected: [first.body.data.id] });
      });
      await Promise.all(batch);
    }
    // Set up ten at a time: the storm is what is measured, not the arrival.
    for (let index = 0; index < clients.length; index += 10) {
      await Promise.all(
        clients.slice(index, index + 10).map(async ({ conversationId, connector, client }) => {
          await client.open(conversationId);
          await connector.subscribe(conversationChannel(conversationId)).whenSubscribed;
          await client.sync(conversationId);
        }),
      );
    }
    const inboxBefore = await api(server, '/api/chat/conversations?limit=1', { cookie });
    const syncedAt: string = inboxBefore.body.data.syncedAt;

    await proxy.cut();
    await Promise.all(clients.map(({ connector }) => untilState(connector, 'reconnecting', 15_000)));
    for (let round = 1; round <= options.missed; round++) {
      await Promise.all(
        clients.map(async (entry) => {
          const sent = await api(server, '/api/chat/send', { body: { conversationId: entry.conversationId, content: `While away ${round}` }, cookie });
          if (sent.status !== 201) throw new Error(`owner send failed: ${sent.status}`);
          entry.expected.push(sent.body.data.id);
        }),
      );
    }

    await proxy.restore();
    const back = performance.now();
    const catchUpMs = await Promise.all(
      clients.map(async ({ conversationId, client, expected }) => {
        await untilMessages(client, conversationId, (list) => expected.every((id) => list.some((message) => message.id === id)), 'the missed messages', 30_000).catch(() => undefined);
        return performance.now() - back;
      }),
    );
    let lost = 0;
    let duplicated = 0;
    for (const { conversationId, client, expected } of clients) {
      const ids = client.messages(conversationId).map((message) => message.id);
      lost += expected.filter((id) => !ids.includes(id)).length;
      duplicated += ids.length - new Set(ids).size;
    }
    const changed = await api(server, `/api/chat/conversations?changedSince=${encodeURIComponent(syncedAt)}&limit=100`, { cookie });
    const inInbox = new Set<string>();
    let cursor: string | null = null;
    let page = changed;
    for (;;) {
      for (const row of page.body.data.conversations as { id: string }[]) inInbox.add(row.id);
      cursor = page.body.data.nextCursor;
      if (!cursor) break;
      page = await api(server, `/api/chat/conversations?changedSince=${encodeURIComponent(syncedAt)}&limit=100&cursor=${cursor}`, { cookie });
    }
    const missingFromInbox = clients.filter(({ conversationId }) => !inInbox.has(conversationId)).length;
    return { visitors: clients.length, lost, duplicated, catchUpMs, missingFromInbox };
  } finally {
    for (const { connector, client } of clients) {
      connector.disconnect();
      client.dispose();
    }
    await proxy.close();
  }
}

export type KillResult = {
  /** Sends acknowledged (201/200) whose message is not stored. */
  lost: number;
  /** clientMessageIds stored more than once. */
  storedTwice: number;
  acknowledged: number;
  /** From the new process's spawn until it answered /api/health. */
  healthyAfterMs: number;
  /** Per visitor: from the new process's spawn until its next send was acknowledged. */
  backAfterMs: number[];
  server: TestServer;
};

/**
 * SIGKILL under load: `visitors` each send `messages` messages, retrying
 * every failure with the same clientMessageId (as the widget's outbox does)
 * while the server is killed and started again on the same data and port.
 */
export async function killUnderLoad(
  start: (port?: number) => Promise<TestServer>,
  options: { visitors: number; messages: number },
): Promise<KillResult> {
  let server = await start();
  const { port } = server;
  const target = { url: server.url };
  const tokens = await Promise.all(Array.from({ length: options.visitors }, () => newVisitor(server)));
  let restartedAt = Number.POSITIVE_INFINITY;
  let acknowledged = 0;
  const sentIds = new Map<string, number>();
  const backAfterMs: number[] = [];

  const visitor = async (token: string) => {
    let wasDown = false;
    for (let index = 0; index < options.messages; index++) {
      const body = { content: `message ${index}`, clientMessageId: randomUUID() };
      for (;;) {
        const sent = await visitorSend(target, token, body).catch(() => null);
        if (sent && (sent.status === 201 || sent.status === 200)) {
          acknowledged += 1;
          sentIds.set(body.clientMessageId, sent.body.data.id);
          if (wasDown) {
            backAfterMs.push(performance.now() - restartedAt);
            wasDown = false;
          }
          break;
        }
        wasDown = true;
        await sleep(100 + Math.random() * 100);
      }
    }
  };
  const load = Promise.all(tokens.map(visitor));
  // Kill it once a third of the messages are in.
  while (acknowledged < (options.visitors * options.messages) / 3) await sleep(10);
  await server.stop('SIGKILL');
  restartedAt = performance.now();
  const starting = start(port);
  let healthyAfterMs = Number.NaN;
  for (;;) {
    const health = await fetch(`${target.url}/api/health`).catch(() => null);
    if (health?.ok) {
      healthyAfterMs = performance.now() - restartedAt;
      break;
    }
    await sleep(50);
  }
  server = await starting;
  await load;

  let storedTwice = 0;
  const storedIds = new Set<number>();
  for (const token of tokens) {
    const session = await api(server, '/api/chat/session', { body: { sessionToken: token } });
    const page = await visitorGet(server, token, `/api/chat/messages?conversationId=${session.body.data.conversationId}&limit=100`);
    const stored = page.body.data.messages as { id: number; clientMessageId: string | null }[];
    for (const message of stored) storedIds.add(message.id);
    const clientIds = stored.map((message) => message.clientMessageId);
    storedTwice += clientIds.length - new Set(clientIds).size;
  }
  const lost = [...sentIds.values()].filter((id) => !storedIds.has(id)).length;
  return { lost, storedTwice, acknowledged, healthyAfterMs, backAfterMs, server };
}

/**
 * Requests the server has begun (headers and half the body received, on a
 * connection it has already answered once) when the signal comes; the rest
 * of each body follows afterwards. Resolves with each send's status (0: the
 * connection died first).
 */
export async function inFlightSends(server: TestServer, count: number, whileInFlight: () => Promise<void>): Promise<number[]> {
  const tokens = await Promise.all(Array.from({ length: count }, () => newVisitor(server)));
  const requests = await Promise.all(
    tokens.map(async (token) => {
      const body = JSON.stringify({ content: 'sent across a shutdown', clientMessageId: randomUUID() });
      const socket = net.connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
      socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
      await answered;
      const half = Math.floor(body.length / 2);
      socket.write(
        `POST /api/chat/send HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nX-Session-Token: ${token}\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
      );
      const status = closed.then(() => Number([...answer.matchAll(/HTTP\/1\.1 (\d{3})/g)][1]?.[1] ?? 0));
      return { socket, rest: body.slice(half), status };
    }),
  );
  // Each send's handler has its headers and waits for the rest of its body when the signal goes.
  await sleep(300);
  await whileInFlight();
  await sleep(200);
  for (const { socket, rest } of requests) socket.write(rest);
  return Promise.all(requests.map((request) => request.status));
}

/**
 * A client that opened a WebSocket and then froze: it never reads again
 * nor answers the close handshake (a suspended laptop, a half-open link).
 */
export async function frozenWebSocket(server: TestServer): Promise<net.Socket> {
  const socket = net.connect(server.port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => resolve());
  });
  socket.write(
    'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.pause();
  return socket;
}

