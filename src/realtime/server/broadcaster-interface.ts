import type { ServerEventName, ServerEvents } from '../channels';

/**
 * The one server-side way to tell clients something happened. Callers publish
 * only after the write it describes has committed. Implementations: Socket.IO
 * in this process (src/realtime/server/socket-io), Pusher Channels' REST API
 * (src/realtime/server/pusher/rest-publisher.ts); src/realtime/server/broadcaster.ts
 * picks the one in use.
 */
export interface Broadcaster {
  publish<E extends ServerEventName>(channel: string, event: E, data: ServerEvents[E]): Promise<void>;
  /**
   * Closes the admin sockets of revoked sessions: Socket.IO by its rooms (on
   * every instance), Pusher by terminating the connections signed in as the
   * admin (only for every session of a user; see the Pusher broadcaster).
   */
  disconnectAdmins?(target: { sessionId: string } | { userId: number }): Promise<void>;
  /** The same for a visitor session that was signed out (a device removed from its conversation). */
  disconnectVisitorSession?(sessionId: number): Promise<void>;
}
