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
}
