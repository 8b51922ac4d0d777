import Pusher from 'pusher';
import { env } from '@/config/env';
import { AppError } from '@/http/errors';
import type { Broadcaster } from '../broadcaster-interface';
import { pusherUserIdOfAdmin, pusherUserIdOfVisitorSession } from './users';

/**
 * The REST client for the configured Pusher app (Pusher Channels by cluster,
 * or a self-hosted Pusher-protocol server by host and port). It holds no
 * connection, so each module copy (custom server, Next's bundle, a serverless
 * function) may build its own.
 */
let client: Pusher | undefined;

/** For the Pusher-only routes: under the embedded Socket.IO driver they do not exist. */
export function requirePusher(): Pusher {
  if (env.REALTIME_DRIVER !== 'pusher') {
    throw new AppError('not_found:realtime', { message: 'Pusher is not this site\'s realtime driver (REALTIME_DRIVER).' });
  }
  return getPusher();
}

export function getPusher(): Pusher {
  if (client) return client;
  const { PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET, PUSHER_CLUSTER, PUSHER_HOST, PUSHER_PORT, PUSHER_USE_TLS } = env;
  if (env.REALTIME_DRIVER !== 'pusher' || !PUSHER_APP_ID || !PUSHER_KEY || !PUSHER_SECRET) {
    throw new Error('the Pusher client is only available with REALTIME_DRIVER=pusher and the PUSHER_* variables set');
  }
  const credentials = { appId: PUSHER_APP_ID, key: PUSHER_KEY, secret: PUSHER_SECRET, useTLS: PUSHER_USE_TLS, timeout: PUBLISH_TIMEOUT_MS };
  client = PUSHER_HOST
    ? new Pusher({ ...credentials, host: PUSHER_HOST, ...(PUSHER_PORT ? { port: String(PUSHER_PORT) } : {}) })
    : new Pusher({ ...credentials, cluster: PUSHER_CLUSTER! });
  return client;
}

/** A publish waits for Pusher's answer inside a request; a stalled API must not hold it for long. */
const PUBLISH_TIMEOUT_MS = 5_000;

/**
 * Publishes through Pusher's REST API: the same channel names, event names and payloads as Socket.IO.
 * Connections signed in as a user (POST /api/pusher/user-auth) are ended through it too.
 */
export function createPusherBroadcaster(pusher: Pusher = getPusher()): Broadcaster {
  return {
    async publish(channel, event, data) {
      await pusher.trigger(channel, event, data);
    },
    // A connection is signed in as its admin, not its session: signing out one browser ('this') is that browser's
    // own doing, and it leaves the page; the others of the same admin must stay connected.
    async disconnectAdmins(target) {
      if ('userId' in target) await pusher.terminateUserConnections(pusherUserIdOfAdmin(target.userId));
    },
    async disconnectVisitorSession(sessionId) {
      await pusher.terminateUserConnections(pusherUserIdOfVisitorSession(sessionId));
    },
  };
}
