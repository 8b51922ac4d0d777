/*
 * Chat benchmark (a script, not a test): `npm run bench:chat -- --visitors 1000`.
 *
 * Starts the production server (unless --url names a running one) with rate
 * limits off, connects one admin and N visitors over Socket.IO (websocket),
 * or with `--instances 2` several servers on one fresh MySQL database and
 * Redis (MYSQL_URL, REDIS_URL), the visitors spread across them and the admin
 * on the first,
 * has every visitor send M messages at a steady rate through the HTTP chat
 * API, and reports send→admin and admin→visitor latency, throughput, lost
 * messages and the server's peak RSS. Exits 1 when anything was lost.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel, type MessagePayload } from '@/realtime/channels';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@/realtime/protocol';
import { ensureFreshBuild } from '../tests/helpers/build';
import type { TestDatabase } from '../tests/helpers/databases';
import { signInAsAdmin, startTestServer, type TestServer } from '../tests/helpers/server';
import { ms, percentile } from './stats';

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const { values: args } = parseArgs({
  options: {
    visitors: { type: 'string', default: '200' },
    messages: { type: 'string', default: '5' },
    rate: { type: 'string', default: '1' },
    url: { type: 'string' },
    pid: { type: 'string' },
    'reply-every': { type: 'string', default: '5' },
    'http-connections': { type: 'string', default: '64' },
    timeout: { type: 'string', default: '300' },
    instances: { type: 'string', default: '1' },
  },
  strict: true,
});

function positive(name: string, value: string | undefined, { integer = true } = {}): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    console.error(`--${name} must be a positive ${integer ? 'whole ' : ''}number (got ${value})`);
    process.exit(2);
  }
  return number;
}

const VISITORS = positive('visitors', args.visitors);
const MESSAGES = positive('messages', args.messages);
const RATE = positive('rate', args.rate, { integer: false });
const REPLY_EVERY = positive('reply-every', args['reply-every']);
const HTTP_CONNECTIONS = positive('http-connections', args['http-connections']);
const TIMEOUT_MS = positive('timeout', args.timeout) * 1000;
const INSTANCES = positive('instances', args.instances);
const MYSQL_URL = process.env.MYSQL_URL || undefined;
const REDIS_URL = process.env.REDIS_URL || undefined;
if (INSTANCES > 1 && (args.url || !MYSQL_URL || !REDIS_URL)) {
  console.error('--instances > 1 starts its own servers on MySQL and Redis: set MYSQL_URL and REDIS_URL (e.g. mysql://root@127.0.0.1:3306/test, redis://127.0.0.1:6379), without --url');
  process.exit(2);
}
const ADMIN = {
  email: process.env.BENCH_ADMIN_EMAIL ?? 'bench@example.com',
  password: process.env.BENCH_ADMIN_PASSWORD ?? 'bench password that is long enough',
};
/** Tags this run's messages so a reused server's older messages are never counted. */
const RUN = `b${Date.now().toString(36)}`;
const SETUP_CONCURRENCY = 50;
const DRAIN_MS = 15_000;
const WARMUP_MESSAGES = 20;

// ── File descriptors ──────────────────────────────────────────────────────

/**
 * Every visitor costs one socket here and one in the server. Node cannot
 * raise its own limit, so when the soft limit is too low but the hard one
 * allows it, re-run this script under `ulimit -n` (the server, our child,
 * inherits it).
 */
function ensureFdLimit(): void {
  const needed = VISITORS + HTTP_CONNECTIONS + 256;
  const line = fs.readFileSync('/proc/self/limits', 'utf8').split('\n').find((row) => row.startsWith('Max open files'));
  const [soft, hard] = (line?.match(/\s(\d+|unlimited)\s+(\d+|unlimited)/)?.slice(1) ?? []).map((v) =>
    v === 'unlimited' ? Infinity : Number(v),
  );
  if (soft === undefined || hard === undefined || soft >= needed) return;
  if (hard < needed || process.env.BENCH_FD_RAISED) {
    console.error(
      `Open-file limit too low: ${VISITORS} visitors need about ${needed} descriptors in this process and in the server, ` +
        `but \`ulimit -n\` is ${soft} (hard limit ${hard}). Raise it (e.g. \`ulimit -n ${needed}\` as root or in ` +
        '/etc/security/limits.conf) or run fewer --visitors.',
    );
    process.exit(2);
  }
  console.log(`[bench] raising the open-file limit from ${soft} to ${needed} (ulimit is per process: re-running under it)`);
  const result = spawnSync('/bin/sh', ['-c', `ulimit -n ${needed} && exec "$@"`, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_FD_RAISED: '1' },
  });
  process.exit(result.status ?? 1);
}

// ── HTTP with a bounded keep-alive pool ───────────────────────────────────

// Idle sockets are dropped before the server's 5 s keep-alive timeout would close them under a request.
const agent = new http.Agent({ keepAlive: true, maxSockets: HTTP_CONNECTIONS, timeout: 4_000 });

type Reply = { status: number; body: { data?: unknown } & Record<string, unknown>; headers: http.IncomingHttpHeaders };

/**
 * One JSON request over the pool. A reused keep-alive socket the server closed
 * at the same moment fails with ECONNRESET before anything was processed;
 * that request is retried once (sends carry a clientMessageId, so a retry
 * can never store a message twice).
 */
async function request(base: string, method: string, pathname: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  try {
    return await requestOnce(base, method, pathname, options);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
      retries += 1;
      return requestOnce(base, method, pathname, options);
    }
    throw error;
  }
}
let retries = 0;

function requestOnce(base: string, method: string, pathname: string, options: { body?: unknown; headers?: Record<string, string> }) {
  return new Promise<Reply>((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      new URL(pathname, base),
      {
        method,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Reply['body'];
          try {
            body = JSON.parse(text) as Reply['body'];
          } catch {
            body = { text };
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${pathname} timed out`)));
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(payload);
  });
}

/** Runs `task` for every item with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

// ── Measurements ──────────────────────────────────────────────────────────

/** Microseconds on this process's monotonic clock: what clientMessageIds carry. */
const nowUs = () => Math.round(performance.now() * 1000);
const sentAtOf = (clientMessageId: string | null) => {
  const match = clientMessageId?.match(new RegExp(`^${RUN}-[va]\\d+-\\d+-(\\d+)$`));
  return match ? Number(match[1]) : null;
};


/** Peak RSS (VmHWM) of the server: the largest process in the tree under `pid` (tsx runs the server in a child). */
function peakRssKb(pid: number): { kb: number; pid: number } | null {
  let best: { kb: number; pid: number } | null = null;
  const visit = (current: number) => {
    try {
      const status = fs.readFileSync(`/proc/${current}/status`, 'utf8');
      const kb = Number(status.match(/^VmHWM:\s+(\d+)/m)?.[1] ?? 0);
      if (!best || kb > best.kb) best = { kb, pid: current };
      for (const task of fs.readdirSync(`/proc/${current}/task`)) {
        const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // The process went away; nothing to read.
    }
  };
  visit(pid);
  return best;
}

// ── The run ───────────────────────────────────────────────────────────────

type Visitor = {
  index: number;
  token: string;
  socket: BenchSocket;
  conversationId: string | null;
};

const servers: TestServer[] = [];
/** Several instances: their shared MySQL database and Redis key prefix, removed at the end. */
let shared: { database: TestDatabase; redisPrefix: string } | null = null;
const sockets: BenchSocket[] = [];
let shuttingDown = false;
/** Closes every socket and stops the servers we started (and removes their data), then exits. */
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const socket of sockets) socket.close();
  agent.destroy();
  for (const server of servers) {
    const errors = server.logs.filter((entry) => typeof entry.level === 'number' && entry.level >= 50);
    if (errors.length > 0) {
      console.error(`[bench] the server at ${server.url} logged ${errors.length} error(s); first ones:`);
      for (const entry of errors.slice(0, 5)) console.error('  ', JSON.stringify(entry).slice(0, 500));
    }
  }
  await Promise.all(servers.map((server) => server.stop()));
  for (const server of servers) fs.rmSync(server.dataDir, { recursive: true, force: true });
  if (shared) {
    await shared.database.drop();
    const [{ Redis }, { deleteKeys }] = await Promise.all([import('ioredis'), import('../tests/helpers/redis')]);
    const redis = new Redis(REDIS_URL!);
    await deleteKeys(redis, shared.redisPrefix);
    redis.disconnect();
  }
  process.exit(code);
}

/** The servers this run measures: one on the embedded defaults, or several sharing MySQL and Redis. */
async function startServers(): Promise<void> {
  const env: Record<string, string> = {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    CHAT_RATE_LIMIT_PER_MINUTE: '0',
    CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    // The bench measures the chat, not the bot gate in front of new sessions.
    CHAT_BOT_GATE: 'off',
  };
  if (INSTANCES === 1) {
    console.log('[bench] starting the production server (embedded SQLite, rate limits off)');
  } else {
    // Only here: these helpers read MYSQL_URL / REDIS_URL, which a single-instance run does not need.
    const [{ createMysqlDatabase }, { uniqueRedisPrefix }] = await Promise.all([import('../tests/helpers/databases'), import('../tests/helpers/redis')]);
    shared = { database: await createMysqlDatabase(), redisPrefix: uniqueRedisPrefix() };
    Object.assign(env, { DATABASE_URL: shared.database.url, REDIS_URL: REDIS_URL!, REDIS_KEY_PREFIX: shared.redisPrefix });
    console.log(`[bench] starting ${INSTANCES} production servers (one fresh MySQL database, Redis prefix ${shared.redisPrefix}, rate limits off)`);
  }
  // One after the other: the first start migrates the database.
  for (let i = 0; i < INSTANCES; i += 1) {
    const server = await startTestServer({ env });
    servers.push(server);
    console.log(`[bench] server at ${server.url} (pid ${server.pid}, data in ${server.dataDir})`);
  }
}

async function main() {
  ensureFdLimit();
  const deadline = setTimeout(() => {
    console.error(`[bench] gave up after the global timeout of ${TIMEOUT_MS / 1000} s`);
    void shutdown(1);
  }, TIMEOUT_MS);
  deadline.unref();

  process.once('SIGINT', () => void shutdown(130));

  let bases: string[];
  let serverPids: number[] = args.pid ? [Number(args.pid)] : [];
  if (args.url) {
    bases = [args.url.replace(/\/$/, '')];
    console.log(`[bench] using the running server at ${bases[0]} (its rate limits must be off)`);
  } else {
    ensureFreshBuild();
    await startServers();
    bases = servers.map((server) => server.url);
    serverPids = servers.map((server) => server.pid);
  }
  // The admin works on the first instance; visitor i on instance i mod N (HTTP and websocket alike).
  const base = bases[0]!;
  const baseOf = (visitorIndex: number) => bases[visitorIndex % bases.length]!;

  const connectSocket = (url: string, options: { auth?: Record<string, string>; extraHeaders?: Record<string, string> }) =>
    new Promise<BenchSocket>((resolve, reject) => {
      const socket: BenchSocket = io(url, {
        path: '/socket.io/',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 30_000,
        ...options,
      });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => reject(new Error(`socket connect failed: ${error.message}`)));
    });
  const subscribe = async (socket: BenchSocket, channel: string) => {
    const answer = (await socket.timeout(30_000).emitWithAck('subscribe', channel)) as SubscribeAck;
    if (!answer.ok) throw new Error(`subscribe ${channel} refused: ${answer.error}`);
  };

  // The admin: HTTP sign-in, then a websocket on the notifications channel.
  const cookie = await signInAsAdmin({ url: base }, ADMIN);
  // The assistant has its own benchmark (bench:ai); its replies would only add load to the chat measured here.
  if (servers.length > 0) {
    const switched = await request(base, 'PATCH', '/api/chat/settings', { headers: { cookie }, body: { aiEnabled: false } });
    if (switched.status !== 200) throw new Error(`could not switch AI replies off: ${switched.status}`);
  }
  const admin = await connectSocket(base, { extraHeaders: { cookie } });
  await subscribe(admin, ADMIN_NOTIFICATIONS_CHANNEL);

  const sendToAdmin: number[] = [];
  const adminToVisitor: number[] = [];
  const acknowledged = new Set<string>();
  const receivedByAdmin = new Set<string>();
  const repliesAcknowledged = new Set<string>();
  const repliesReceived = new Set<string>();
  const failures: string[] = [];
  const replies: Promise<void>[] = [];
  let duplicatesAtAdmin = 0;
  let replyCandidates = 0;

  const reply = async (message: MessagePayload) => {
    const clientMessageId = `${RUN}-a${message.conversationId}-${message.id}-${nowUs()}`;
    const answer = await request(base, 'POST', '/api/chat/send', {
      headers: { cookie },
      body: { conversationId: message.conversationId, content: `re: ${message.content}`, clientMessageId },
    });
    if (answer.status === 201 || answer.status === 200) repliesAcknowledged.add(clientMessageId);
    else failures.push(`admin reply: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  };

  admin.on('new-message-alert', (_channel, { message }) => {
    const sentAt = sentAtOf(message.clientMessageId);
    if (message.senderType !== 'visitor' || sentAt === null) return;
    sendToAdmin.push((nowUs() - sentAt) / 1000);
    if (receivedByAdmin.has(message.clientMessageId!)) duplicatesAtAdmin += 1;
    receivedByAdmin.add(message.clientMessageId!);
    /*
     * Every REPLY_EVERY-th message received, whatever the per-visitor count,
     * but never a first message: its visitor subscribes to the conversation
     * only once that send has answered, so a reply could beat the subscription.
     */
    const seq = Number(message.clientMessageId!.split('-')[2]);
    if (seq > 1 && ++replyCandidates % REPLY_EVERY === 0) replies.push(reply(message).catch((error: Error) => void failures.push(`admin reply: ${error.message}`)));
  });

  /*
   * Warm-up, outside the measurement: a fresh server loads and JIT-compiles
   * each route on its first requests, which otherwise shows up as seconds of
   * latency on the first burst. Its messages carry no timestamp tag.
   */
  for (const [instance, url] of bases.entries()) {
    const warm = await request(url, 'POST', '/api/chat/session', { body: {} });
    const warmToken = (warm.body.data as { sessionToken: string }).sessionToken;
    for (let i = 0; i < WARMUP_MESSAGES; i += 1) {
      const sent = await request(url, 'POST', '/api/chat/send', {
        headers: { 'x-session-token': warmToken },
        body: { content: `warm-up ${i}`, clientMessageId: `${RUN}w${instance}-${i}` },
      });
      const conversationId = (sent.body.data as MessagePayload | undefined)?.conversationId;
      if (sent.status !== 201 || !conversationId) throw new Error(`warm-up send: ${sent.status} ${JSON.stringify(sent.body).slice(0, 200)}`);
      await request(url, 'POST', '/api/chat/send', { headers: { cookie }, body: { conversationId, content: `warm-up reply ${i}` } });
      await request(url, 'GET', `/api/chat/messages?conversationId=${conversationId}&limit=100`, { headers: { cookie } });
    }
  }

  // The visitors: sessions over HTTP, then one websocket each.
  let started = performance.now();
  const tokens = await pool(Array.from({ length: VISITORS }, (_, i) => i), SETUP_CONCURRENCY, async (index) => {
    const answer = await request(baseOf(index), 'POST', '/api/chat/session', { body: {} });
    const token = (answer.body.data as { sessionToken?: string } | undefined)?.sessionToken;
    if (answer.status !== 200 || !token) throw new Error(`session: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    return token;
  });
  console.log(`[bench] ${VISITORS} sessions created in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const visitors: Visitor[] = await pool(tokens, SETUP_CONCURRENCY, async (token, index) => {
    const socket = await connectSocket(baseOf(index), { auth: { sessionToken: token } });
    socket.on('new-message', (_channel, message) => {
      const sentAt = sentAtOf(message.clientMessageId);
      if (message.senderType !== 'admin' || sentAt === null) return;
      adminToVisitor.push((nowUs() - sentAt) / 1000);
      repliesReceived.add(message.clientMessageId!);
    });
    return { index, token, socket, conversationId: null };
  });
  console.log(`[bench] ${VISITORS} visitors + 1 admin connected over websocket to ${bases.length} instance(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const send = async (visitor: Visitor, seq: number) => {
    const clientMessageId = `${RUN}-v${visitor.index}-${seq}-${nowUs()}`;
    const answer = await request(baseOf(visitor.index), 'POST', '/api/chat/send', {
      headers: { 'x-session-token': visitor.token },
      body: { content: `message ${seq} from visitor ${visitor.index}`, clientMessageId },
    });
    // 200 is a retry the server recognised by clientMessageId: stored once, acknowledged.
    if (answer.status !== 201 && answer.status !== 200) {
      failures.push(`visitor send: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      return null;
    }
    acknowledged.add(clientMessageId);
    return answer.body.data as MessagePayload;
  };

  // Each visitor starts at its own offset within one period, so the load is steady rather than in bursts.
  const periodMs = 1000 / RATE;
  const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, delay)));
  const sendStart = performance.now();
  await Promise.all(
    visitors.map(async (visitor) => {
      const startAt = sendStart + (visitor.index / VISITORS) * periodMs;
      await sleep(startAt - performance.now());
      try {
        const first = await send(visitor, 1);
        if (!first) return;
        visitor.conversationId = first.conversationId;
        await subscribe(visitor.socket, conversationChannel(first.conversationId));
        for (let seq = 2; seq <= MESSAGES; seq += 1) {
          await sleep(startAt + (seq - 1) * periodMs - performance.now());
          await send(visitor, seq);
        }
      } catch (error) {
        failures.push(`visitor ${visitor.index}: ${(error as Error).message}`);
      }
    }),
  );
  const sendSeconds = (performance.now() - sendStart) / 1000;

  // Let the last events arrive: wait until everything acknowledged was received, or DRAIN_MS.
  const drainUntil = performance.now() + DRAIN_MS;
  const allArrived = () =>
    [...acknowledged].every((id) => receivedByAdmin.has(id)) && [...repliesAcknowledged].every((id) => repliesReceived.has(id));
  while (performance.now() < drainUntil) {
    await Promise.allSettled(replies);
    if (allArrived()) break;
    await sleep(100);
  }
  await Promise.allSettled(replies);

  // Cross-check what the server stored, through the admin API.
  const total = await request(base, 'GET', '/api/chat/conversations?status=all&limit=1', { headers: { cookie } });
  const conversationsTotal = (total.body.data as { pagination?: { total?: number } } | undefined)?.pagination?.total ?? NaN;
  const storedCounts = await pool(
    visitors.filter((visitor) => visitor.conversationId !== null),
    16,
    async (visitor) => {
      // Newest page first, then back through history with `before`.
      let count = 0;
      let cursor = '';
      for (;;) {
        const answer = await request(base, 'GET', `/api/chat/messages?conversationId=${visitor.conversationId}&limit=100${cursor}`, {
          headers: { cookie },
        });
        const page = answer.body.data as { messages: MessagePayload[]; hasMore: boolean; nextCursor: number | null } | undefined;
        if (answer.status !== 200 || !page) throw new Error(`messages: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        count += page.messages.filter((m) => m.senderType === 'visitor' && sentAtOf(m.clientMessageId) !== null).length;
        if (!page.hasMore || page.nextCursor === null) return count;
        cursor = `&before=${page.nextCursor}`;
      }
    },
  );
  const stored = storedCounts.reduce((sum, count) => sum + count, 0);

  const lost = [...acknowledged].filter((id) => !receivedByAdmin.has(id)).length;
  const repliesLost = [...repliesAcknowledged].filter((id) => !repliesReceived.has(id)).length;
  const rss = serverPids.map((pid) => peakRssKb(pid));
  sendToAdmin.sort((a, b) => a - b);
  adminToVisitor.sort((a, b) => a - b);
  const expected = VISITORS * MESSAGES;

  const lines = [
    '',
    '── bench:chat report ──────────────────────────────────────────',
    `visitors connected          ${visitors.length} (+1 admin), websocket transport, ${bases.length} instance(s)${bases.length > 1 ? ' sharing MySQL + Redis; visitors round-robin, admin on the first' : ''}`,
    `messages sent (201)         ${acknowledged.size} of ${expected} planned (${MESSAGES} per visitor at ${RATE}/s)`,
    `send→admin-receive ms       p50 ${ms(percentile(sendToAdmin, 50))}  p95 ${ms(percentile(sendToAdmin, 95))}  p99 ${ms(percentile(sendToAdmin, 99))}  max ${ms(sendToAdmin.at(-1) ?? NaN)}  (n=${sendToAdmin.length})`,
    `admin→visitor ms            p50 ${ms(percentile(adminToVisitor, 50))}  p99 ${ms(percentile(adminToVisitor, 99))}  (n=${adminToVisitor.length}, the admin replied to every ${REPLY_EVERY}th non-first message received)`,
    `messages per second         ${(acknowledged.size / sendSeconds).toFixed(1)} visitor messages/s over ${sendSeconds.toFixed(1)} s (+${repliesAcknowledged.size} admin replies)`,
    `messages lost               ${lost} (acknowledged 201 but never received by the admin)`,
    `replies lost                ${repliesLost} of ${repliesAcknowledged.size} (acknowledged 201 but never received by the visitor)`,
    `duplicates at admin         ${duplicatesAtAdmin}`,
    `stored (GET messages)       ${stored} visitor messages in ${storedCounts.length} conversations; conversations total ${conversationsTotal} (incl. ${bases.length} warm-up)`,
    `failed requests             ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}; ${retries} retried after a keep-alive reset`,
    `server peak RSS (VmHWM)     ${rss.length > 0 ? rss.map((peak) => (peak ? `${(peak.kb / 1024).toFixed(1)} MiB (pid ${peak.pid})` : 'n/a')).join(', ') : 'n/a (pass --pid for an external server)'}`,
    '───────────────────────────────────────────────────────────────',
  ];
  console.log(lines.join('\n'));

  const problems: string[] = [];
  if (lost > 0) problems.push(`${lost} message(s) lost`);
  if (repliesLost > 0) problems.push(`${repliesLost} admin replies lost`);
  if (stored !== acknowledged.size) problems.push(`stored ${stored} ≠ acknowledged ${acknowledged.size}`);
  // Our visitors' conversations plus one warm-up per instance.
  if (!args.url && conversationsTotal !== visitors.length + bases.length) {
    problems.push(`conversations total ${conversationsTotal} ≠ ${visitors.length} + ${bases.length} warm-up`);
  }
  if (failures.length > 0) problems.push(`${failures.length} request(s) failed`);
  if (problems.length > 0) console.error(`[bench] FAILED: ${problems.join('; ')}`);
  clearTimeout(deadline);
  await shutdown(problems.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  void shutdown(1);
});
