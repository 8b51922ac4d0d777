import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel, type MessagePayload } from '@/realtime/channels';
import { createMysqlDatabase, mysqlSkipReason, mysqlUrl, type TestDatabase } from '../helpers/databases';
import { projectRoot } from '../helpers/build';
import { signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { ADMIN, adminEnv } from '../helpers/production-server';
import { connect, waitFor, type TestSocket } from '../realtime/helpers';
import { botGateProof } from '../helpers/bot-gate';

/*
 * The production guide's nginx example (docs/nginx/tanya.conf), run as it is
 * in front of two instances on one MySQL database and one Redis: only the
 * ports are rewritten, and a header naming the upstream is added so the test
 * can tell which instance answered. Clients come from different loopback
 * addresses because the example is sticky by client address.
 */

const NGINX = '/usr/sbin/nginx';
const redisUrl = process.env.REDIS_URL || undefined;
const skipReason = !fs.existsSync(NGINX)
  ? 'nginx is not installed (apt-get install -y nginx; .ci/run does this)'
  : !mysqlUrl
    ? mysqlSkipReason
    : !redisUrl
      ? 'REDIS_URL is not set; set it (e.g. REDIS_URL=redis://127.0.0.1:6379) to run the multi-instance suites'
      : null;
if (skipReason) console.warn(`[tests] nginx suite skipped: ${skipReason}`);

const EXAMPLE = path.join(projectRoot, 'docs', 'nginx', 'tanya.conf');
/** Loopback addresses to pick clients from; nginx hashes each one to an instance. */
const CLIENT_ADDRESSES = Array.from({ length: 40 }, (_, index) => `127.0.0.${index + 2}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** The example with this run's ports, plus the upstream's address in a response header. */
function renderExample(listenPort: number, upstreamPorts: [number, number]): string {
  const example = fs.readFileSync(EXAMPLE, 'utf8');
  const rendered = example
    .replace(/listen 80;/, `listen 127.0.0.1:${listenPort};`)
    .replace('127.0.0.1:3001', `127.0.0.1:${upstreamPorts[0]}`)
    .replace('127.0.0.1:3002', `127.0.0.1:${upstreamPorts[1]}`)
    .replace('location / {', 'location / {\n        add_header X-Upstream $upstream_addr always;');
  if (rendered.split(String(upstreamPorts[0])).length !== 2 || !rendered.includes(`listen 127.0.0.1:${listenPort};`)) {
    throw new Error(`${EXAMPLE} no longer has the listen and upstream lines this test rewrites`);
  }
  return rendered;
}

async function startNginx(upstreamPorts: [number, number]) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-nginx-'));
  const port = await freePort();
  fs.writeFileSync(path.join(prefix, 'tanya.conf'), renderExample(port, upstreamPorts));
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      `  access_log ${prefix}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${prefix}/${kind};`),
      `  include ${prefix}/tanya.conf;`,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (await get(url, '/api/health').then(() => true, () => false)) break;
    if (attempt > 100) throw new Error(`nginx did not answer: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}

type Reply = { status: number; upstream: string | undefined; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One HTTP request from a chosen loopback address (nginx's stickiness looks at it). */
function request(
  base: string,
  method: string,
  pathname: string,
  options: { from?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      `${base}${pathname}`,
      {
        method,
        localAddress: options.from,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // a page, not JSON
          }
          resolve({ status: res.statusCode ?? 0, upstream: res.headers['x-upstream'] as string | undefined, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const get = (base: string, pathname: string, from?: string) => request(base, 'GET', pathname, { from });

describe.skipIf(skipReason)('nginx in front of two instances (docs/nginx/tanya.conf)', () => {
  let database: TestDatabase;
  const instances: TestServer[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  /** Two client addresses that nginx sends to different instances. */
  let onFirst: string;
  let onSecond: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await createMysqlDatabase();
    const env = {
      ...adminEnv,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl!,
      AUTH_SECRET: 's'.repeat(48),
      TRUST_PROXY: '1',
      CHAT_RATE_LIMIT_PER_MINUTE: '0',
      CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
      CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    };
    // One after the other: the first applies the migrations the second then finds done.
    instances.push(await startTestServer({ env }));
    instances.push(await startTestServer({ env }));
    nginx = await startNginx([instances[0]!.port, instances[1]!.port]);

    const byInstance = new Map<string, string>();
    for (const address of CLIENT_ADDRESSES) {
      const { upstream } = await get(nginx.url, '/api/health', address);
      if (upstream && !byInstance.has(upstream)) byInstance.set(upstream, address);
      if (byInstance.size === 2) break;
    }
    [onFirst, onSecond] = [byInstance.get(`127.0.0.1:${instances[0]!.port}`)!, byInstance.get(`127.0.0.1:${instances[1]!.port}`)!];
  }, 240_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await nginx?.stop();
    for (const instance of instances) await instance.stop();
    await database?.drop();
  });

  /** A client whose connections come from `from` (or 127.0.0.1, for transports that cannot choose). */
  const socketFrom = (from: string | undefined, options: Partial<ManagerOptions & SocketOptions>) => {
    const socket: TestSocket = io(nginx.url, {
      path: '/socket.io/',
      autoConnect: false,
      reconnection: false,
      forceNew: true,
      ...options,
      ...(from ? ({ localAddress: from } as Partial<ManagerOptions & SocketOptions>) : {}),
    });
    sockets.push(socket);
    return socket;
  };

  it('spreads clients over both instances and keeps each client on its own', async () => {
    expect(onFirst).toBeDefined();
    expect(onSecond).toBeDefined();
    for (const [address, port] of [
      [onFirst, instances[0]!.port],
      [onSecond, instances[1]!.port],
    ] as const) {
      for (let repeat = 0; repeat < 3; repeat++) {
        const page = await get(nginx.url, '/', address);
        expect(page.status).toBe(200);
        expect(page.upstream).toBe(`127.0.0.1:${port}`);
      }
    }
  });

  it('carries a visitor on one instance and the admin on the other both ways, over websockets through nginx', async () => {
    const cookie = await signInAsAdmin({ url: nginx.url }, ADMIN);
    const admin = await connect(socketFrom(onSecond, { transports: ['websocket'], extraHeaders: { cookie } }));
    expect((await admin.emitWithAck('subscribe', ADMIN_NOTIFICATIONS_CHANNEL)).ok).toBe(true);

    const session = await request(nginx.url, 'POST', '/api/chat/session', { from: onFirst, body: { botGate: await botGateProof(nginx) } });
    const token = session.body.data.sessionToken as string;
    const alert = waitFor<[string, { message: MessagePayload }]>(admin, 'new-message-alert', 10_000);
    const sent = await request(nginx.url, 'POST', '/api/chat/send', {
      from: onFirst,
      body: { content: 'Hello through nginx' },
      headers: { 'x-session-token': token },
    });
    expect(sent.status).toBe(201);
    expect(sent.upstream).toBe(`127.0.0.1:${instances[0]!.port}`);
    const [, { message }] = await alert;
    expect(message.content).toBe('Hello through nginx');

    const visitor = await connect(socketFrom(onFirst, { transports: ['websocket'], auth: { sessionToken: token } }));
    expect((await visitor.emitWithAck('subscribe', conversationChannel(message.conversationId))).ok).toBe(true);
    // The owner's reply, whatever the assistant says to the first message meanwhile.
    const reply = new Promise<MessagePayload>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for the owner\'s reply')), 10_000);
      visitor.on('new-message', (_channel: string, payload: MessagePayload) => {
        if (payload.senderType !== 'admin') return;
        clearTimeout(timer);
        resolve(payload);
      });
    });
    const answered = await request(nginx.url, 'POST', '/api/chat/send', {
      from: onSecond,
      body: { conversationId: message.conversationId, content: 'Hi! Answered from the other instance.' },
      headers: { cookie, origin: nginx.url },
    });
    expect(answered.status).toBe(201);
    expect(answered.upstream).toBe(`127.0.0.1:${instances[1]!.port}`);
    expect((await reply).content).toBe('Hi! Answered from the other instance.');
  });

  it("lets the browser's default transport (long-polling, then websocket) stick to one instance", async () => {
    // Node's long-polling requests cannot pick a source address: every request of this client comes from 127.0.0.1.
    const session = await request(nginx.url, 'POST', '/api/chat/session', { body: { botGate: await botGateProof(nginx) } });
    const socket = socketFrom(undefined, { auth: { sessionToken: session.body.data.sessionToken } });
    await connect(socket);
    if (socket.io.engine.transport.name !== 'websocket') await waitFor(socket.io.engine, 'upgrade', 10_000);
    expect(socket.io.engine.transport.name).toBe('websocket');
    expect((await socket.emitWithAck('presence:admins-online')).online).toEqual(expect.any(Boolean));
  });

  it('sends the clients of a stopped instance to the other one', async () => {
    await instances[0]!.stop();
    const page = await get(nginx.url, '/api/health', onFirst);
    expect(page.status).toBe(200);
    expect(page.upstream).toContain(`127.0.0.1:${instances[1]!.port}`);
  });
});
