/*
 * What bench:chat drives: Tanya's production server(s), or the bare relay
 * (relay-server.mjs) that is the floor for this stack. Both are reached the
 * same way (Socket.IO websockets, `message:send` with an ack or a JSON POST),
 * so the load and its figures are the same for each.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { ADMIN_NOTIFICATIONS_CHANNEL, type MessagePayload } from '@/realtime/channels';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@/realtime/protocol';
import type { TestDatabase } from '../../tests/helpers/databases';
import { signInAsAdmin, startTestServer, type TestServer } from '../../tests/helpers/server';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SendPath = 'socket' | 'http';
export type SendBody = { content: string; clientMessageId: string; conversationId?: string };
/** What a send answered: the stored (or relayed) message, or why not. */
export type SendAnswer = { ok: true; message: MessagePayload } | { ok: false; error: string };

export type Visitor = { index: number; socket: BenchSocket; credential: string; conversationId: string | null };

export type Target = {
  name: string;
  bases: string[];
  /** Server processes whose CPU and memory are reported. */
  pids: number[];
  connectVisitor(index: number): Promise<Visitor>;
  connectAdmin(): Promise<BenchSocket>;
  sendAsVisitor(visitor: Visitor, body: SendBody): Promise<SendAnswer>;
  replyAsAdmin(body: SendBody & { conversationId: string }): Promise<SendAnswer>;
  subscribe(socket: BenchSocket, channel: string): Promise<void>;
  /** The messages the target stored for a conversation (Tanya only: the relay stores nothing). */
  storedMessages?(conversationId: string): Promise<MessagePayload[]>;
  stop(): Promise<void>;
};

const projectRoot = path.resolve(import.meta.dirname, '../..');

// ── HTTP with a bounded keep-alive pool ───────────────────────────────────

export type HttpReply = { status: number; body: { data?: unknown } & Record<string, unknown> };

export function createHttpPool(connections: number) {
  // Idle sockets are dropped before the server's 5 s keep-alive timeout would close them under a request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, timeout: 4_000 });
  let retried = 0;

  function requestOnce(base: string, method: string, pathname: string, options: { body?: unknown; headers?: Record<string, string> }) {
    return new Promise<HttpReply>((resolve, reject) => {
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
      const req = http.request(new URL(pathname, base), {
        method,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...options.headers },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as HttpReply['body'] });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: { text } });
          }
        });
        res.on('error', reject);
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${pathname} timed out`)));
      req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
      req.end(payload);
    });
  }

  return {
    /**
     * One JSON request. A reused keep-alive socket the server closed at the
     * same moment fails with ECONNRESET before anything was processed: that
     * request is retried once (sends carry a clientMessageId, so a retry can
     * never store a message twice).
     */
    async request(base: string, method: string, pathname: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
      try {
        return await requestOnce(base, method, pathname, options);
      } catch (error) {
        if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
          retried += 1;
          return requestOnce(base, method, pathname, options);
        }
        throw error;
      }
    },
    retried: () => retried,
    destroy: () => agent.destroy(),
  };
}
export type HttpPool = ReturnType<typeof createHttpPool>;

// ── Sockets ───────────────────────────────────────────────────────────────

function connectSocket(url: string, sockets: BenchSocket[], options: { auth?: Record<string, unknown>; extraHeaders?: Record<string, string> }) {
  return new Promise<BenchSocket>((resolve, reject) => {
    const socket: BenchSocket = io(url, { path: '/socket.io/', transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000, ...options });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(`socket connect failed: ${error.message}`)));
  });
}

async function sendOverSocket(socket: BenchSocket, body: SendBody): Promise<SendAnswer> {
  const ack = await socket.timeout(30_000).emitWithAck('message:send', body);
  return ack.ok ? { ok: true, message: ack.message } : { ok: false, error: `${ack.code}: ${ack.error}` };
}

function answerOf(reply: HttpReply): SendAnswer {
  // 200 is a retry the server recognised by clientMessageId: stored once, acknowledged.
  if (reply.status === 201 || reply.status === 200) return { ok: true, message: reply.body.data as MessagePayload };
  return { ok: false, error: `${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}` };
}

async function subscribeOn(socket: BenchSocket, channel: string) {
  const answer = (await socket.timeout(30_000).emitWithAck('subscribe', channel)) as SubscribeAck;
  if (!answer.ok) throw new Error(`subscribe ${channel} refused: ${answer.error}`);
}

// ── The bare relay ────────────────────────────────────────────────────────

export async function startRelay(options: { send: SendPath; http: HttpPool }): Promise<Target> {
  const child: ChildProcess = spawn(process.execPath, [path.join(import.meta.dirname, 'relay-server.mjs')], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the relay exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const listening = (JSON.parse(chunk.toString('utf8').split('\n')[0]!) as { listening?: number }).listening;
      if (listening) resolve(listening);
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const sockets: BenchSocket[] = [];
  let admin: BenchSocket | null = null;
  return {
    name: 'bare relay',
    bases: [base],
    pids: [child.pid!],
    async connectVisitor(index) {
      return { index, socket: await connectSocket(base, sockets, { auth: { visitor: index } }), credential: String(index), conversationId: null };
    },
    async connectAdmin() {
      admin = await connectSocket(base, sockets, { auth: { admin: true } });
      return admin;
    },
    async sendAsVisitor(visitor, body) {
      if (options.send === 'socket') return sendOverSocket(visitor.socket, body);
      return answerOf(await options.http.request(base, 'POST', '/send', { body, headers: { 'x-relay-visitor': visitor.credential } }));
    },
    async replyAsAdmin(body) {
      if (options.send === 'socket') return sendOverSocket(admin!, body);
      return answerOf(await options.http.request(base, 'POST', '/send', { body, headers: { 'x-relay-admin': '1' } }));
    },
    subscribe: subscribeOn,
    async stop() {
      for (const socket of sockets) socket.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

// ── Tanya ─────────────────────────────────────────────────────────────────

export type TanyaOptions = {
  send: SendPath;
  ai: boolean;
  instances: number;
  http: HttpPool;
  admin: { email: string; password: string };
  /** A running server instead of starting one (its rate limits must be off). */
  url?: string;
  pid?: number;
};

/** Starts the production server(s): one on the embedded defaults, or several sharing MySQL and Redis. */
export async function startTanya(options: TanyaOptions): Promise<Target> {
  const servers: TestServer[] = [];
  let shared: { database: TestDatabase; redisPrefix: string; redisUrl: string } | null = null;
  const env: Record<string, string> = {
    ADMIN_EMAIL: options.admin.email,
    ADMIN_PASSWORD: options.admin.password,
    CHAT_RATE_LIMIT_PER_MINUTE: '0',
    CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    // The bench measures the chat, not the bot gate in front of new sessions or the assistant's hourly cap.
    CHAT_BOT_GATE: 'off',
    AI_REPLIES_PER_CONVERSATION_PER_HOUR: '0',
  };
  if (!options.url) {
    if (options.instances > 1) {
      // Only here: these helpers read MYSQL_URL / REDIS_URL, which a single-instance run does not need.
      const [{ createMysqlDatabase }, { uniqueRedisPrefix }] = await Promise.all([import('../../tests/helpers/databases'), import('../../tests/helpers/redis')]);
      shared = { database: await createMysqlDatabase(), redisPrefix: uniqueRedisPrefix(), redisUrl: process.env.REDIS_URL! };
      Object.assign(env, { DATABASE_URL: shared.database.url, REDIS_URL: shared.redisUrl, REDIS_KEY_PREFIX: shared.redisPrefix });
    }
    // One after the other: the first start migrates the database.
    for (let i = 0; i < options.instances; i += 1) servers.push(await startTestServer({ env }));
  }
  const bases = options.url ? [options.url.replace(/\/$/, '')] : servers.map((server) => server.url);
  const base = bases[0]!;
  const baseOf = (index: number) => bases[index % bases.length]!;
  const { request } = options.http;
  const cookie = await signInAsAdmin({ url: base }, options.admin);
  {
    const switched = await request(base, 'PATCH', '/api/chat/settings', { headers: { cookie }, body: { aiEnabled: options.ai, aiProvider: 'local' } });
    if (switched.status !== 200) throw new Error(`could not switch AI replies ${options.ai ? 'on' : 'off'}: ${switched.status}`);
  }
  const sockets: BenchSocket[] = [];
  let admin: BenchSocket | null = null;

  return {
    name: options.ai ? 'Tanya, AI on' : 'Tanya, AI off',
    bases,
    pids: options.url ? (options.pid ? [options.pid] : []) : servers.map((server) => server.pid),
    async connectVisitor(index) {
      const session = await request(baseOf(index), 'POST', '/api/chat/session', { body: {} });
      const token = (session.body.data as { sessionToken?: string } | undefined)?.sessionToken;
      if (session.status !== 200 || !token) throw new Error(`session: ${session.status} ${JSON.stringify(session.body).slice(0, 200)}`);
      return { index, socket: await connectSocket(baseOf(index), sockets, { auth: { sessionToken: token } }), credential: token, conversationId: null };
    },
    async connectAdmin() {
      admin = await connectSocket(base, sockets, { extraHeaders: { cookie } });
      await subscribeOn(admin, ADMIN_NOTIFICATIONS_CHANNEL);
      return admin;
    },
    async sendAsVisitor(visitor, body) {
      if (options.send === 'socket') return sendOverSocket(visitor.socket, body);
      return answerOf(await request(baseOf(visitor.index), 'POST', '/api/chat/send', { body, headers: { 'x-session-token': visitor.credential } }));
    },
    async replyAsAdmin(body) {
      if (options.send === 'socket') return sendOverSocket(admin!, body);
      return answerOf(await request(base, 'POST', '/api/chat/send', { body, headers: { cookie } }));
    },
    subscribe: subscribeOn,
    async storedMessages(conversationId) {
      const messages: MessagePayload[] = [];
      // Newest page first, then back through history with `before`.
      let cursor = '';
      for (;;) {
        const answer = await request(base, 'GET', `/api/chat/messages?conversationId=${conversationId}&limit=100${cursor}`, { headers: { cookie } });
        const page = answer.body.data as { messages: MessagePayload[]; hasMore: boolean; nextCursor: number | null } | undefined;
        if (answer.status !== 200 || !page) throw new Error(`messages: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        messages.push(...page.messages);
        if (!page.hasMore || page.nextCursor === null) return messages;
        cursor = `&before=${page.nextCursor}`;
      }
    },
    async stop() {
      for (const socket of sockets) socket.close();
      for (const server of servers) {
        const errors = server.logs.filter((entry) => typeof entry.level === 'number' && entry.level >= 50);
        if (errors.length > 0) {
          console.error(`[bench] the server at ${server.url} logged ${errors.length} error(s); first ones:`);
          for (const entry of errors.slice(0, 5)) {
            // A query error's own message repeats the query and its values: its cause says what went wrong.
            const { err } = entry as { err?: { message?: string; cause?: { message?: string; code?: string } } };
            console.error('  ', entry.msg, err?.cause ? `${err.cause.code ?? ''} ${err.cause.message ?? ''}` : (err?.message ?? '').slice(0, 300));
          }
        }
      }
      await Promise.all(servers.map((server) => server.stop()));
      for (const server of servers) fs.rmSync(server.dataDir, { recursive: true, force: true });
      if (shared) {
        await shared.database.drop();
        const [{ Redis }, { deleteKeys }] = await Promise.all([import('ioredis'), import('../../tests/helpers/redis')]);
        const redis = new Redis(shared.redisUrl);
        await deleteKeys(redis, shared.redisPrefix);
        redis.disconnect();
      }
    },
  };
}
