import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import { env } from '@/config/env';
import { adminTokenFromCookieHeader, verifyAdminToken } from '@/auth/server/jwt';
import { MAX_DELIVERED_IDS } from '@/chat/server/schemas';
import { findVisitorSession } from '@/chat/server/visitor-session';
import { getRepository } from '@/db';
import { resolveClientIp } from '@/http/server/client-ip';
import { isSameSiteOrigin } from '@/http/server/origin';
import { createRateLimiter } from '@/http/server/rate-limit';
import { logger, logSecurityEvent } from '@/logger';
import { getRedis, redisKey } from '@/redis/client';
import { createRedisPresenceStore } from '@/redis/presence';
import { registerBroadcaster, type Broadcaster } from '../broadcaster';
import { mayJoinChannel } from '../access';
import {
  ADMIN_PRESENCE_CHANNEL,
  conversationChannel,
  type ClientEventName,
  type ClientEvents,
  type PresenceMember,
} from '../../channels';
import { setRealtimeAttached } from '../health';
import { createMemoryPresenceStore, type PresenceStore } from '../presence';
import {
  REALTIME_PATH,
  UNAUTHORIZED,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeAck,
} from '../../protocol';

/** Who is on the other end of a socket, settled once in the handshake. */
export type RealtimeIdentity =
  | { role: 'visitor'; sessionId: number }
  | { role: 'admin'; userId: number; name: string };

type SocketData = { identity: RealtimeIdentity; ip: string };
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Chat packets are short; anything bigger is refused by engine.io before it is parsed. */
const MAX_PACKET_BYTES = 16 * 1024;
/** Client events (typing) a sender may relay per second, counted across its sockets and instances. */
const CLIENT_EVENTS_PER_SECOND = 2;
const CLIENT_EVENT_NAMES: ReadonlySet<string> = new Set<ClientEventName>(['client-typing'] satisfies (keyof ClientEvents)[]);

export type RealtimeServer = {
  /** The broadcaster that publishes through this server (also registered process-wide). */
  broadcaster: Broadcaster;
  /**
   * Closes every client's transport without a Socket.IO disconnect packet, so
   * socket.io-client treats it as a lost connection and reconnects (to the
   * next process, after a restart). Does not close the HTTP server.
   */
  close: () => Promise<void>;
};

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

function clientIpOf(req: IncomingMessage): string {
  return resolveClientIp({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers['x-forwarded-for'],
    trustedHops: env.TRUST_PROXY,
  });
}

const isRealtimeUrl = (url: string | undefined) => (url ?? '').slice(0, REALTIME_PATH.length) === REALTIME_PATH;

/** Callers may send anything: only a real function is called back. */
function replyWith<T>(ack: unknown): (answer: T) => void {
  return typeof ack === 'function' ? (answer: T) => (ack as (answer: T) => void)(answer) : () => undefined;
}

async function authenticate(socket: RealtimeSocket): Promise<RealtimeIdentity | { refused: string }> {
  const { auth, headers } = socket.handshake;
  const sessionToken = (auth as Record<string, unknown> | undefined)?.sessionToken;
  if (sessionToken !== undefined) {
    const session = await findVisitorSession(sessionToken);
    return session ? { role: 'visitor', sessionId: session.id } : { refused: 'unknown or expired session token' };
  }
  const adminToken = adminTokenFromCookieHeader(headers.cookie);
  if (!adminToken) return { refused: 'no credentials' };
  // A cookie rides along with any page's request: only this site's pages may use it.
  const origin = headers.origin;
  if (origin !== undefined && !isSameSiteOrigin(origin, headers.host ?? null)) return { refused: 'foreign origin with admin cookie' };
  const admin = await verifyAdminToken(adminToken);
  if (!admin) return { refused: 'invalid admin token' };
  const user = await getRepository().getUserById({ id: admin.userId });
  if (!user) return { refused: 'admin user no longer exists' };
  return { role: 'admin', userId: user.id, name: user.name };
}

/**
 * Attaches the embedded Socket.IO server to the site's one HTTP server at
 * `/socket.io/` and registers it as the process-wide broadcaster.
 *
 * Upgrades are routed here, not by engine.io's default (which destroys every
 * upgrade for another path): `/socket.io/` goes to engine.io, anything else to
 * `otherUpgrades` (Next's own upgrade handler, which serves HMR in dev).
 */
export function attachRealtime(httpServer: HttpServer, options: { otherUpgrades?: UpgradeHandler } = {}): RealtimeServer {
  const io: RealtimeIo = new Server(httpServer, {
    path: REALTIME_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_PACKET_BYTES,
    destroyUpgrade: false,
    // Same-site pages only ever connect from this origin; no CORS headers are sent.
    cors: undefined,
  });
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (isRealtimeUrl(req.url)) return;
    if (options.otherUpgrades) options.otherUpgrades(req, socket, head);
    else socket.destroy();
  });
  const redis = getRedis();
  /*
   * Several instances: every broadcast (publish, the client-event relay,
   * presence announcements) also goes through Redis to the other instances'
   * sockets. The classic adapter, not the sharded one: it needs no Redis 7
   * (SSUBSCRIBE) or Cluster, which a portfolio site's single Redis rarely is,
   * and each instance hears every event once, with no per-room subscription
   * churn as visitors come and go.
   */
  if (redis) io.adapter(createAdapter(redis.publisher, redis.subscriber, { key: redisKey(redis, 'socket.io') }));
  io.engine.on('connection_error', (error: { code: number; message: string; req?: IncomingMessage }) => {
    logger.debug({ code: error.code, reason: error.message }, 'realtime: engine connection refused');
  });

  io.use((socket, next) => {
    const ip = clientIpOf(socket.request);
    authenticate(socket).then(
      (result) => {
        if ('refused' in result) {
          logSecurityEvent('realtime handshake refused', { ip, reason: result.refused, origin: socket.handshake.headers.origin });
          // socket.io-client sees `connect_error` with message 'unauthorized' and data.reason.
          next(Object.assign(new Error(UNAUTHORIZED), { data: { reason: result.refused } }));
          return;
        }
        socket.data = { identity: result, ip };
        next();
      },
      (error: unknown) => {
        logger.error({ err: error, ip }, 'realtime: handshake failed');
        next(new Error('server error'));
      },
    );
  });

  const presence = createPresence(io);
  const clientEvents = createRateLimiter({ name: 'realtime-client-events', limit: CLIENT_EVENTS_PER_SECOND, windowMs: 1000 });
  const broadcaster: Broadcaster = {
    async publish(channel, event, data) {
      (io.to(channel).emit as (event: string, channel: string, data: unknown) => boolean)(event, channel, data);
    },
  };

  io.on('connection', (socket) => {
    const { identity, ip } = socket.data;
    const sender = identity.role === 'admin' ? `admin:${identity.userId}` : `visitor:${identity.sessionId}`;

    /** A visitor's conversation is read again each time: the first send creates it after the connect. */
    async function visitorConversationId(): Promise<string | null> {
      if (identity.role !== 'visitor') return null;
      const session = await getRepository().getChatSessionById({ id: identity.sessionId });
      if (!session || session.expiresAt.getTime() <= Date.now()) return null;
      return session.conversationId;
    }

    async function mayJoin(channel: string): Promise<boolean> {
      const member = identity.role === 'admin' ? identity : { role: identity.role, conversationId: await visitorConversationId() };
      return mayJoinChannel(member, channel);
    }

    const refuse = (what: string, fields: Record<string, unknown>) =>
      logSecurityEvent(what, { ip, role: identity.role, socketId: socket.id, ...fields });

    socket.on('subscribe', async (channel: unknown, ack: unknown) => {
      const reply = replyWith<SubscribeAck>(ack);
      try {
        if (typeof channel !== 'string' || channel.length > 200) return reply({ ok: false, error: 'invalid channel' });
        if (!(await mayJoin(channel))) {
          refuse('realtime subscription refused', { channel });
          return reply({ ok: false, error: 'forbidden' });
        }
        await socket.join(channel);
        if (channel === ADMIN_PRESENCE_CHANNEL && identity.role === 'admin') {
          return reply({ ok: true, members: await presence.join(socket, { id: String(identity.userId), name: identity.name }) });
        }
        reply({ ok: true });
      } catch (error) {
        logger.error({ err: error, channel }, 'realtime: subscribe failed');
        reply({ ok: false, error: 'server error' });
      }
    });

    socket.on('unsubscribe', async (channel: unknown, ack: unknown) => {
      const reply = replyWith<{ ok: true } | { ok: false; error: string }>(ack);
      if (typeof channel !== 'string') return reply({ ok: false, error: 'invalid channel' });
      await Promise.resolve(socket.leave(channel)).catch((error: unknown) => logger.error({ err: error }, 'realtime: leave failed'));
      if (channel === ADMIN_PRESENCE_CHANNEL) await presence.leave(socket);
      reply({ ok: true });
    });

    socket.on('client-event', (envelope: unknown) => {
      if (typeof envelope !== 'object' || envelope === null) return;
      const { channel, event, data } = envelope as Record<string, unknown>;
      if (typeof channel !== 'string' || typeof event !== 'string' || !CLIENT_EVENT_NAMES.has(event)) return;
      // Only members relay, and only to the other members of that channel.
      if (!socket.rooms.has(channel)) {
        refuse('realtime client event refused', { channel, event });
        return;
      }
      clientEvents.hit(sender).then(
        ({ allowed }) => {
          if (allowed) (socket.to(channel).emit as (event: string, channel: string, data: unknown) => boolean)(event, channel, data);
        },
        (error: unknown) => logger.error({ err: error }, 'realtime: client event throttle failed'),
      );
    });

    socket.on('message:delivered', async (input: unknown, ack: unknown) => {
      const reply = replyWith<{ ok: true; messageIds: number[] } | { ok: false; error: string }>(ack);
      try {
        const { conversationId, messageIds } = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
        const validIds =
          Array.isArray(messageIds) &&
          messageIds.length <= MAX_DELIVERED_IDS &&
          messageIds.every((id) => Number.isSafeInteger(id) && (id as number) > 0);
        if (typeof conversationId !== 'string' || !validIds) return reply({ ok: false, error: 'invalid input' });
        const id = conversationId;
        const member =
          identity.role === 'admin' ? (await getRepository().getConversationById({ id })) !== null : (await visitorConversationId()) === id;
        if (!member) {
          refuse('realtime delivered ack refused', { conversationId: id });
          return reply({ ok: false, error: 'forbidden' });
        }
        const changed = await getRepository().markMessagesDeliveredByIds({
          conversationId: id,
          recipient: identity.role,
          ids: messageIds as number[],
        });
        if (changed.length > 0) {
          await broadcaster.publish(conversationChannel(id), 'message-status', { conversationId: id, messageIds: changed, status: 'delivered' });
        }
        reply({ ok: true, messageIds: changed });
      } catch (error) {
        logger.error({ err: error }, 'realtime: delivered ack failed');
        reply({ ok: false, error: 'server error' });
      }
    });

    socket.on('presence:admins-online', async (ack: unknown) => {
      replyWith<{ online: boolean }>(ack)({ online: (await presence.members()).length > 0 });
    });

    socket.on('disconnect', () => void presence.leave(socket));
  });

  registerBroadcaster(broadcaster);
  setRealtimeAttached(true);
  logger.info({ path: REALTIME_PATH }, 'realtime attached');

  let closed = false;
  return {
    broadcaster,
    async close() {
      if (closed) return;
      closed = true;
      setRealtimeAttached(false);
      registerBroadcaster(undefined);
      // This instance's admins leave shared presence now, while Redis is open; their transports close next.
      await presence.close([...io.of('/').sockets.values()]);
      // Closing the engine drops each transport: clients see "transport close" and
      // reconnect. io.disconnectSockets() would tell them not to come back.
      io.engine.close();
    },
  };
}

/**
 * Announces presence changes on `presence-admin-chat` (to every instance's
 * sockets, through the adapter) from the store that knows who is in it:
 * this process's memory, or Redis when instances share it. A store that
 * cannot answer (Redis away) costs the admins their member list, never their
 * subscription.
 */
function createPresence(io: RealtimeIo) {
  const announce = (event: 'member-added' | 'member-removed', member: PresenceMember) =>
    io.to(ADMIN_PRESENCE_CHANNEL).emit(event, ADMIN_PRESENCE_CHANNEL, member);
  const redis = getRedis();
  const store: PresenceStore = redis
    ? createRedisPresenceStore(redis, ADMIN_PRESENCE_CHANNEL, {
        onMemberReturned: (member) => announce('member-added', member),
        onMemberExpired: (member) => announce('member-removed', member),
      })
    : createMemoryPresenceStore();
  const failed = (what: string) => (error: unknown) => {
    logger.error({ err: error }, `realtime: presence ${what} failed`);
    return null;
  };

  const leave = async (socket: RealtimeSocket): Promise<void> => {
    const gone = await store.leave(socket.id).catch(failed('leave'));
    if (gone) announce('member-removed', gone);
  };

  return {
    /** Adds the socket and answers the member list it should start from. */
    async join(socket: RealtimeSocket, member: PresenceMember): Promise<PresenceMember[]> {
      const first = await store.join(socket.id, member).catch(failed('join'));
      if (first) socket.to(ADMIN_PRESENCE_CHANNEL).emit('member-added', ADMIN_PRESENCE_CHANNEL, member);
      return (await store.members().catch(failed('list'))) ?? [member];
    },
    leave,
    members: async (): Promise<PresenceMember[]> => (await store.members().catch(failed('list'))) ?? [],
    /** Shutdown: these sockets leave, then the store stops. */
    async close(sockets: RealtimeSocket[]): Promise<void> {
      await Promise.all(sockets.map(leave));
      await store.close();
    },
  };
}
