import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import { env } from '@/config/env';
import { adminSessionForToken } from '@/auth/server/admin-sessions';
import { adminTokenFromCookieHeader } from '@/auth/server/jwt';
import type { ChatActor } from '@/chat/server/actor';
import { deliveredInputSchema, sendInputSchema } from '@/chat/server/schemas';
import { findVisitorSession, findVisitorSessionByTokenHash } from '@/chat/server/visitor-session';
import { getRepository } from '@/db';
import { AppError, kindOf, retryAfterSecondsOf } from '@/http/errors';
import { resolveClientIp } from '@/http/server/client-ip';
import { isEmbedOriginAllowed } from '@/embed/server/allow-list';
import { isSameSiteOrigin } from '@/http/server/origin';
import { createRateLimiter } from '@/http/server/rate-limit';
import { parseInput } from '@/http/server/validation';
import { logger, logSecurityEvent } from '@/logger';
import { getRedis, redisKey } from '@/redis/client';
import { createRedisPresenceStore } from '@/redis/presence';
import { registerBroadcaster, type Broadcaster } from '../broadcaster';
import { mayJoinChannel, mayVisitorJoinChannel } from '../access';
import {
  ADMIN_PRESENCE_CHANNEL,
  type ClientEventName,
  type ClientEvents,
  type PresenceMember,
} from '../../channels';
import { setRealtimeAttached } from '../health';
import { createMemoryPresenceStore, withCachedMembers } from '../presence';
import {
  REALTIME_PATH,
  UNAUTHORIZED,
  type AckError,
  type ClientToServerEvents,
  type DeliveredAck,
  type MessageSendAck,
  type ServerToClientEvents,
  type SubscribeAck,
  type UnsubscribeAck,
} from '../../protocol';

/** Who is on the other end of a socket, settled once in the handshake. */
export type RealtimeIdentity =
  | { role: 'visitor'; sessionId: number; tokenHash: string }
  | { role: 'admin'; userId: number; email: string; name: string; sessionId: string };

type SocketData = { identity: RealtimeIdentity; ip: string };
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Chat packets are short; anything bigger is refused by engine.io before it is parsed. */
const MAX_PACKET_BYTES = 16 * 1024;
/** Client events (typing) a sender may relay per second, counted across its sockets and instances. */
const CLIENT_EVENTS_PER_SECOND = 2;
const CLIENT_EVENT_NAMES: ReadonlySet<string> = new Set<ClientEventName>(['client-typing'] satisfies (keyof ClientEvents)[]);
/**
 * Sessions revoked through the API close their sockets at once (disconnectAdmins);
 * this sweep catches the rest (a password reset from the command line, expiry).
 */
const ADMIN_SESSION_SWEEP_MS = 30_000;
/** Rooms no client can subscribe to (no channel rule admits them), used to reach a session's or a user's sockets. */
const adminSessionRoom = (sessionId: string) => `internal:admin-session:${sessionId}`;
const adminUserRoom = (userId: number) => `internal:admin-user:${userId}`;
const visitorSessionRoom = (sessionId: number) => `internal:visitor-session:${sessionId}`;

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

/**
 * The chat service, loaded on first use: through the assistant it imports
 * `next/server`, whose request storage exists only once Next is prepared,
 * which is after this module loads and before any socket connects.
 */
const chatService = () => import('@/chat/server/service');

/** A refusal the chat service threw, in the words of an ack; anything unexpected is a server error. */
function ackErrorOf(error: unknown): AckError {
  if (!(error instanceof AppError)) return 'server error';
  switch (kindOf(error.code)) {
    case 'bad_request':
      return 'invalid input';
    case 'unauthorized':
    case 'forbidden':
    case 'not_found':
      return 'forbidden';
    default:
      return 'server error';
  }
}

/** A refused send as POST /api/chat/send answers it: the code, text and field errors, and Retry-After in ms. */
function sendRefusalOf(error: unknown): Extract<MessageSendAck, { ok: false }> {
  const refusal = error instanceof AppError ? error : new AppError('internal:server');
  const retryAfter = retryAfterSecondsOf(refusal);
  return {
    ok: false,
    error: refusal.message,
    code: refusal.code,
    ...(refusal.fields ? { fields: refusal.fields } : {}),
    ...(retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

/** Callers may send anything: only a real function is called back. */
function replyWith<T>(ack: unknown): (answer: T) => void {
  return typeof ack === 'function' ? (answer: T) => (ack as (answer: T) => void)(answer) : () => undefined;
}

/** A reconnect storm is hundreds of handshakes at once: sessions come from the process cache (visitor-session.ts). */
async function authenticate(socket: RealtimeSocket): Promise<RealtimeIdentity | { refused: string }> {
  const { auth, headers } = socket.handshake;
  const sessionToken = (auth as Record<string, unknown> | undefined)?.sessionToken;
  if (sessionToken !== undefined) {
    // Browsers send the page's origin: this site's pages (the embedded chat's frame included) or a site on the embed allow-list.
    const origin = headers.origin;
    if (origin !== undefined && !isSameSiteOrigin(origin, headers.host ?? null) && !(await isEmbedOriginAllowed(origin))) {
      return { refused: 'origin not on the embed allow-list' };
    }
    const session = await findVisitorSession(sessionToken);
    return session ? { role: 'visitor', sessionId: session.id, tokenHash: session.tokenHash } : { refused: 'unknown or expired session token' };
  }
  const adminToken = adminTokenFromCookieHeader(headers.cookie);
  if (!adminToken) return { refused: 'no credentials' };
  // A cookie rides along with any page's request: only this site's pages may use it.
  const origin = headers.origin;
  if (origin !== undefined && !isSameSiteOrigin(origin, headers.host ?? null)) return { refused: 'foreign origin with admin cookie' };
  const admin = await adminSessionForToken(adminToken);
  // Badly signed, expired, signed out or revoked: to the client all the same.
  if (!admin) return { refused: 'invalid admin token' };
  return { role: 'admin', userId: admin.userId, email: admin.email, name: admin.name, sessionId: admin.sessionId };
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
    // Long-polling from another origin: only the sites on the embed allow-list get a CORS answer (never with credentials).
    cors: {
      origin: (origin, callback) => {
        if (!origin) return callback(null, false);
        isEmbedOriginAllowed(origin).then((allowed) => callback(null, allowed), (error: Error) => callback(error));
      },
      credentials: false,
    },
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
    async disconnectAdmins(target) {
      // Through the adapter this reaches every instance's sockets; `true` closes the transport too.
      io.in('sessionId' in target ? adminSessionRoom(target.sessionId) : adminUserRoom(target.userId)).disconnectSockets(true);
    },
    async disconnectVisitorSession(sessionId) {
      io.in(visitorSessionRoom(sessionId)).disconnectSockets(true);
    },
  };
  const sweep = setInterval(() => void sweepRevokedAdminSockets(io), ADMIN_SESSION_SWEEP_MS);
  sweep.unref();

  io.on('connection', (socket) => {
    const { identity, ip } = socket.data;
    const sender = identity.role === 'admin' ? `admin:${identity.userId}` : `visitor:${identity.sessionId}`;
    const joined = socket.join(
      identity.role === 'admin' ? [adminSessionRoom(identity.sessionId), adminUserRoom(identity.userId)] : visitorSessionRoom(identity.sessionId),
    );
    // A sign-out or an admin's removal while this handshake was in flight closed the rooms before this socket was in them.
    void Promise.resolve(joined)
      .then(() => stillSignedIn(identity))
      .then((signedIn) => {
        if (!signedIn) socket.disconnect(true);
      })
      .catch((error: unknown) => logger.error({ err: error, ip }, 'realtime: session check after connect failed'));

    /**
     * A visitor's session is looked up again for each event (from the process cache, which checks
     * its expiry on every hit): it may have expired since the connect, or been bound to a conversation.
     */
    const liveVisitorSession = (tokenHash: string) => findVisitorSessionByTokenHash(tokenHash);

    /** This socket's caller as the chat service knows callers, so its rules apply here as they do over HTTP. */
    async function chatActor(): Promise<ChatActor> {
      if (identity.role === 'admin') return { kind: 'admin', admin: { userId: identity.userId, email: identity.email, name: identity.name, sessionId: identity.sessionId }, ip };
      const session = await liveVisitorSession(identity.tokenHash);
      if (!session) throw new AppError('unauthorized:session');
      return { kind: 'visitor', session, ip };
    }

    /**
     * The caller of a write in someone's name: an admin's session is read
     * again from the handshake's cookie, as every HTTP request reads it, so a
     * session revoked a moment ago (before the sweep closes the socket) sends nothing.
     */
    async function writingActor(): Promise<ChatActor> {
      if (identity.role === 'visitor') return chatActor();
      const admin = await adminSessionForToken(adminTokenFromCookieHeader(socket.handshake.headers.cookie));
      if (!admin || admin.sessionId !== identity.sessionId) throw new AppError('unauthorized:auth');
      return { kind: 'admin', admin, ip };
    }

    async function mayJoin(channel: string): Promise<boolean> {
      if (identity.role === 'admin') return mayJoinChannel(identity, channel);
      const session = await liveVisitorSession(identity.tokenHash);
      return session !== null && mayVisitorJoinChannel(session, channel);
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
      const reply = replyWith<UnsubscribeAck>(ack);
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
      // Rebuilt, never forwarded: the others get a boolean and who is really typing, whatever else was sent.
      const typing: ClientEvents['client-typing'] = {
        isTyping: (data as Record<string, unknown> | null | undefined)?.isTyping === true,
        senderType: identity.role,
      };
      clientEvents.hit(sender).then(
        ({ allowed }) => {
          if (allowed) socket.to(channel).emit('client-typing', channel, typing);
        },
        (error: unknown) => logger.error({ err: error }, 'realtime: client event throttle failed'),
      );
    });

    // The same rule, write and event as POST /api/chat/delivered: only the transport differs.
    socket.on('message:delivered', async (input: unknown, ack: unknown) => {
      const reply = replyWith<DeliveredAck>(ack);
      try {
        const parsed = deliveredInputSchema.safeParse(input);
        if (!parsed.success) return reply({ ok: false, error: 'invalid input' });
        const { markDelivered } = await chatService();
        const { messageIds } = await markDelivered(await chatActor(), parsed.data);
        reply({ ok: true, messageIds });
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'realtime: delivered ack failed');
        else if (error.status === 401 || error.status === 404) refuse('realtime delivered ack refused', { code: error.code });
        reply({ ok: false, error: ackErrorOf(error) });
      }
    });

    // POST /api/chat/send over the socket the sender already holds: the same schema, caller, rules and answer.
    socket.on('message:send', async (input: unknown, ack: unknown) => {
      const reply = replyWith<MessageSendAck>(ack);
      try {
        const parsed = parseInput(sendInputSchema, input);
        const { sendMessage } = await chatService();
        const { message, duplicate } = await sendMessage(await writingActor(), parsed);
        reply({ ok: true, message, conversationId: message.conversationId, aiResponsePending: message.aiResponsePending, duplicate });
      } catch (error) {
        // Foreign conversations and rate limits are logged by the chat service itself, as over HTTP.
        if (!(error instanceof AppError)) logger.error({ err: error }, 'realtime: send failed');
        else if (error.status === 401) refuse('realtime send refused', { code: error.code });
        reply(sendRefusalOf(error));
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
      clearInterval(sweep);
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

/** Whether the session a socket was let in with still holds, asked once it is in its rooms (a visitor's from the process cache). */
async function stillSignedIn(identity: RealtimeIdentity): Promise<boolean> {
  if (identity.role === 'visitor') return (await findVisitorSessionByTokenHash(identity.tokenHash)) !== null;
  return (await getRepository().listLiveAdminSessionIds({ ids: [identity.sessionId] })).length > 0;
}

/** Disconnects this instance's admin sockets whose session was revoked or has expired. */
async function sweepRevokedAdminSockets(io: RealtimeIo): Promise<void> {
  const admins = [...io.of('/').sockets.values()].filter((socket) => socket.data.identity?.role === 'admin');
  const sessionIdOf = (socket: RealtimeSocket) => (socket.data.identity as Extract<RealtimeIdentity, { role: 'admin' }>).sessionId;
  if (admins.length === 0) return;
  try {
    const live = new Set(await getRepository().listLiveAdminSessionIds({ ids: [...new Set(admins.map(sessionIdOf))] }));
    for (const socket of admins) if (!live.has(sessionIdOf(socket))) socket.disconnect(true);
  } catch (error) {
    logger.error({ err: error }, 'realtime: admin session sweep failed');
  }
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
  const store = withCachedMembers(
    redis
      ? createRedisPresenceStore(redis, ADMIN_PRESENCE_CHANNEL, {
          onMemberReturned: (member) => void store.forget().then(() => announce('member-added', member)),
          onMemberExpired: (member) => void store.forget().then(() => announce('member-removed', member)),
        })
      : createMemoryPresenceStore(),
  );
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
