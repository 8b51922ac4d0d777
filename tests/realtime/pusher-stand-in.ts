import { createHash, createHmac, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/*
 * A local stand-in for Pusher Channels, written from Pusher's published
 * protocol (not from the pusher packages): the REST API's request signature
 * and body_md5 are checked as Pusher checks them, and a WebSocket endpoint
 * speaks protocol 7 to pusher-js (connection, signed subscriptions, presence,
 * client events, server events, user sign-in and the REST API's
 * terminate_connections, which closes a user's connections with 4009 as
 * Pusher does). With `webhookUrl` it also reports presence
 * changes and vacated channels there, signed with the app secret, as Pusher
 * does. It is what tests point PUSHER_HOST/PUSHER_PORT at.
 */

export type PusherApp = { appId: string; key: string; secret: string };
export type PublishedEvent = { name: string; channels: string[]; data: unknown; socketId?: string };
type Subscriber = { socket: WebSocket; socketId: string; member?: { user_id: string; user_info?: unknown } };

export const hmacHex = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');
const md5Hex = (text: string) => createHash('md5').update(text).digest('hex');

/** Why a REST request is refused, or null when its signature holds (Pusher's "Authenticating requests" spec). */
export function restRequestProblem(app: PusherApp, method: string, url: URL, body: string): string | null {
  const params = Object.fromEntries(url.searchParams);
  const { auth_signature: signature, ...signed } = params;
  if (params.auth_key !== app.key) return 'unknown auth_key';
  if (params.auth_version !== '1.0') return 'auth_version must be 1.0';
  if (Math.abs(Date.now() / 1000 - Number(params.auth_timestamp)) > 600) return 'auth_timestamp outside 600 s';
  if (body && params.body_md5 !== md5Hex(body)) return 'body_md5 does not match the body';
  const query = Object.keys(signed)
    .sort()
    .map((key) => `${key.toLowerCase()}=${signed[key]}`)
    .join('&');
  return hmacHex(app.secret, `${method}\n${url.pathname}\n${query}`) === signature ? null : 'auth_signature does not match';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startPusherStandIn(app: PusherApp, options: { webhookUrl?: () => string | undefined } = {}) {
  const published: PublishedEvent[] = [];
  const refused: { path: string; reason: string }[] = [];
  const channels = new Map<string, Map<string, Subscriber>>();
  /** Connections signed in as a user, by user id. */
  const users = new Map<string, Set<WebSocket>>();
  const terminated: string[] = [];

  const send = (socket: WebSocket, message: Record<string, unknown>) => socket.send(JSON.stringify(message));

  async function webhook(events: Record<string, unknown>[]): Promise<void> {
    const url = options.webhookUrl?.();
    if (!url) return;
    const body = JSON.stringify({ time_ms: Date.now(), events });
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pusher-key': app.key, 'x-pusher-signature': hmacHex(app.secret, body) },
      body,
    }).catch(() => undefined);
  }

  function broadcast(channel: string, message: Record<string, unknown>, exceptSocketId?: string): void {
    for (const subscriber of channels.get(channel)?.values() ?? []) {
      if (subscriber.socketId !== exceptSocketId) send(subscriber.socket, { ...message, channel });
    }
  }

  function leave(channel: string, socketId: string): void {
    const members = channels.get(channel);
    const subscriber = members?.get(socketId);
    if (!members || !subscriber) return;
    members.delete(socketId);
    const events: Record<string, unknown>[] = [];
    const userId = subscriber.member?.user_id;
    if (userId !== undefined && ![...members.values()].some((other) => other.member?.user_id === userId)) {
      broadcast(channel, { event: 'pusher_internal:member_removed', data: JSON.stringify({ user_id: userId }) });
      events.push({ name: 'member_removed', channel, user_id: userId });
    }
    if (members.size === 0) {
      channels.delete(channel);
      events.push({ name: 'channel_vacated', channel });
    }
    if (events.length > 0) void webhook(events);
  }

  function subscribe(socket: WebSocket, socketId: string, data: { channel?: string; auth?: string; channel_data?: string }): void {
    const channel = String(data.channel ?? '');
    const signed = channel.startsWith('private-') || channel.startsWith('presence-');
    const expected = `${app.key}:${hmacHex(app.secret, [socketId, channel, ...(data.channel_data ? [data.channel_data] : [])].join(':'))}`;
    if (signed && data.auth !== expected) {
      send(socket, { event: 'pusher:error', data: { code: 4009, message: `Invalid signature for ${channel}` } });
      return;
    }
    const members = channels.get(channel) ?? new Map<string, Subscriber>();
    const occupied = members.size > 0;
    channels.set(channel, members);
    const member = channel.startsWith('presence-') ? (JSON.parse(data.channel_data ?? '{}') as Subscriber['member']) : undefined;
    const newMember = member && ![...members.values()].some((other) => other.member?.user_id === member.user_id);
    members.set(socketId, { socket, socketId, member });
    const events: Record<string, unknown>[] = occupied ? [] : [{ name: 'channel_occupied', channel }];
    if (member) {
      const hash = Object.fromEntries([...members.values()].flatMap((other) => (other.member ? [[other.member.user_id, other.member.user_info]] : [])));
      const presence = { ids: Object.keys(hash), hash, count: Object.keys(hash).length };
      send(socket, { event: 'pusher_internal:subscription_succeeded', channel, data: JSON.stringify({ presence }) });
      if (newMember) {
        broadcast(channel, { event: 'pusher_internal:member_added', data: JSON.stringify(member) }, socketId);
        events.push({ name: 'member_added', channel, user_id: member.user_id });
      }
    } else {
      send(socket, { event: 'pusher_internal:subscription_succeeded', channel, data: '{}' });
    }
    if (events.length > 0) void webhook(events);
  }

  /** `pusher:signin`: the user data signed as `socket_id::user::user_data`, as Pusher's user authentication checks it. */
  function signIn(socket: WebSocket, socketId: string, data: { auth?: string; user_data?: string }, signedInAs: Set<string>): void {
    const userData = String(data.user_data ?? '');
    const userId = (JSON.parse(userData || '{}') as { id?: unknown }).id;
    if (data.auth !== `${app.key}:${hmacHex(app.secret, `${socketId}::user::${userData}`)}` || typeof userId !== 'string') {
      send(socket, { event: 'pusher:error', data: { code: 4009, message: 'Invalid user authentication signature' } });
      return;
    }
    const sockets = users.get(userId) ?? new Set<WebSocket>();
    sockets.add(socket);
    users.set(userId, sockets);
    signedInAs.add(userId);
    send(socket, { event: 'pusher:signin_success', data: JSON.stringify({ user_data: userData }) });
  }

  const terminatePath = new RegExp(`^/apps/${app.appId}/users/([^/]+)/terminate_connections$`);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const body = await readBody(req);
    const known = req.method === 'POST' && (url.pathname === `/apps/${app.appId}/events` || terminatePath.test(url.pathname));
    const problem = known ? restRequestProblem(app, 'POST', url, body) : 'not found';
    if (problem) {
      refused.push({ path: url.pathname, reason: problem });
      res.writeHead(problem === 'not found' ? 404 : 401).end(problem);
      return;
    }
    const terminating = terminatePath.exec(url.pathname)?.[1];
    if (terminating) {
      const userId = decodeURIComponent(terminating);
      terminated.push(userId);
      for (const socket of users.get(userId) ?? []) socket.close(4009, 'User terminated by app');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    const event = JSON.parse(body) as { name: string; channels?: string[]; channel?: string; data: string; socket_id?: string };
    const targets = event.channels ?? (event.channel ? [event.channel] : []);
    published.push({ name: event.name, channels: targets, data: JSON.parse(event.data), socketId: event.socket_id });
    for (const channel of targets) broadcast(channel, { event: event.name, data: event.data }, event.socket_id);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (url.pathname !== `/app/${app.key}`) return socket.destroy();
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const socketId = `${randomInt(1e9)}.${randomInt(1e9)}`;
      const joined = new Set<string>();
      const signedInAs = new Set<string>();
      send(ws, { event: 'pusher:connection_established', data: JSON.stringify({ socket_id: socketId, activity_timeout: 120 }) });
      ws.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as { event: string; channel?: string; data?: Record<string, string> };
        if (message.event === 'pusher:ping') return send(ws, { event: 'pusher:pong', data: {} });
        if (message.event === 'pusher:signin' && message.data) return signIn(ws, socketId, message.data, signedInAs);
        if (message.event === 'pusher:subscribe' && message.data) {
          subscribe(ws, socketId, message.data);
          if (channels.get(String(message.data.channel))?.has(socketId)) joined.add(String(message.data.channel));
          return;
        }
        if (message.event === 'pusher:unsubscribe' && message.data?.channel) {
          joined.delete(message.data.channel);
          return leave(message.data.channel, socketId);
        }
        // Client events: only members of a private or presence channel, relayed to the others.
        const channel = message.channel ?? '';
        if (message.event.startsWith('client-') && joined.has(channel) && !channel.startsWith('public-')) {
          const userId = channels.get(channel)?.get(socketId)?.member?.user_id;
          broadcast(channel, { event: message.event, data: message.data, ...(userId ? { user_id: userId } : {}) }, socketId);
        }
      });
      ws.on('close', () => {
        for (const channel of joined) leave(channel, socketId);
        for (const userId of signedInAs) users.get(userId)?.delete(ws);
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    published,
    refused,
    /** User ids whose connections the app terminated, in order. */
    terminated,
    /** How many connections are signed in as the user now. */
    connectionsOf: (userId: string) => users.get(userId)?.size ?? 0,
    /** The environment that points the app at this stand-in. */
    env: {
      REALTIME_DRIVER: 'pusher',
      PUSHER_APP_ID: app.appId,
      PUSHER_KEY: app.key,
      PUSHER_SECRET: app.secret,
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: String(port),
      PUSHER_USE_TLS: 'false',
    },
    /** Cuts every WebSocket as a network failure would (no close handshake). */
    dropConnections: () => {
      for (const client of sockets.clients) client.terminate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
