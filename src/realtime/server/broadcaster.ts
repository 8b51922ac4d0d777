import { env } from '@/config/env';
import type { ServerEventName, ServerEvents } from '../channels';
import { createPusherBroadcaster } from './pusher/rest-publisher';

/**
 * The one server-side way to tell clients something happened. Callers publish
 * only after the write it describes has committed. Implementations: Socket.IO
 * in this process (src/realtime/socket-io), Pusher Channels (src/realtime/pusher).
 */
export interface Broadcaster {
  publish<E extends ServerEventName>(channel: string, event: E, data: ServerEvents[E]): Promise<void>;
  /**
   * Closes the admin sockets of revoked sessions. Only a transport that holds
   * the connections can: Pusher's were authorised per subscription and keep
   * them until they reconnect (when the next authorisation is refused).
   */
  disconnectAdmins?(target: { sessionId: string } | { userId: number }): Promise<void>;
}

/** Used until a transport registers itself (CLI scripts, tests without realtime): events go nowhere. */
const nullBroadcaster: Broadcaster = { publish: async () => undefined };

/*
 * The custom server registers the transport; route handlers run inside Next's
 * bundle with their own copy of this module, so the registration lives on
 * globalThis.
 */
const globalForBroadcaster = globalThis as unknown as { tanyaBroadcaster?: Broadcaster };

export function registerBroadcaster(broadcaster: Broadcaster | undefined): void {
  globalForBroadcaster.tanyaBroadcaster = broadcaster;
}

/*
 * Pusher needs no server of ours, so nothing registers it: a serverless
 * function publishes through it as soon as it asks for the broadcaster.
 */
export function getBroadcaster(): Broadcaster {
  if (!globalForBroadcaster.tanyaBroadcaster && env.REALTIME_DRIVER === 'pusher') registerBroadcaster(createPusherBroadcaster());
  return globalForBroadcaster.tanyaBroadcaster ?? nullBroadcaster;
}
