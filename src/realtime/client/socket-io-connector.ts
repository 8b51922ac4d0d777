import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol';
import { REALTIME_PATH } from '../protocol';
import { ChannelState, ConnectionStateTracker, type RealtimeConnector } from './connector';

export type SocketIoConnectorOptions = {
  /**
   * The site's origin (the page's own when left out), or several instances'
   * origins: each reconnection attempt goes to the next one, so a client
   * whose instance went away lands on another and catches up from there.
   */
  url?: string | readonly string[];
  path?: string;
  /** A visitor's session token; admins are recognised by their cookie instead. Read again on every reconnect. */
  sessionToken?: string | (() => string | undefined);
  /** Passed through to socket.io-client (tests use it for headers and reconnection timing). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
};

const ACK_TIMEOUT_MS = 10_000;

/** The embedded Socket.IO transport behind the connector facade. */
export function createSocketIoConnector(options: SocketIoConnectorOptions = {}): RealtimeConnector {
  const { sessionToken } = options;
  const socketOptions: Partial<ManagerOptions & SocketOptions> = {
    path: options.path ?? REALTIME_PATH,
    withCredentials: true,
    // After a restart every client reconnects at once: spread the first attempts over 0-2 s, not 0.5-1.5 s.
    randomizationFactor: 1,
    ...(sessionToken !== undefined
      ? { auth: (callback: (data: object) => void) => callback({ sessionToken: typeof sessionToken === 'function' ? sessionToken() : sessionToken }) }
      : {}),
    ...options.socketOptions,
  };
  const urls = typeof options.url === 'string' ? [options.url] : (options.url ?? []);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = urls[0] ? io(urls[0], socketOptions) : io(socketOptions);
  if (urls.length > 1) failOverBetween(socket, urls);

  const channels = new Map<string, ChannelState>();
  const connection = new ConnectionStateTracker();
  let everConnected = false;

  function sendSubscribe(channel: ChannelState): void {
    socket.timeout(ACK_TIMEOUT_MS).emit('subscribe', channel.name, (error: Error | null, answer) => {
      // Unsubscribed (or replaced) while the answer was on its way: nothing to settle.
      if (channels.get(channel.name) !== channel) return;
      /*
       * Cut off by a drop (socket.io-client fails pending acks on disconnect):
       * not a refusal. The channel stays pending until the next connect's
       * subscribe answers, so a gap fill waiting on it cannot run before the
       * channel is live again and miss what is published in between.
       */
      if (error && !socket.connected) return;
      if (error) return channel.refused('no answer from the server');
      if (answer.ok) channel.subscribed(answer.members);
      else channel.refused(answer.error);
    });
  }

  socket.on('connect', () => {
    everConnected = true;
    connection.set('connected');
    for (const channel of channels.values()) sendSubscribe(channel);
  });
  socket.on('disconnect', () => {
    for (const channel of channels.values()) channel.reset();
    // socket.io-client reconnects by itself unless we or the server ended the session.
    connection.set(socket.active ? 'reconnecting' : 'disconnected');
  });
  socket.on('connect_error', () => {
    // A refused handshake leaves the socket inactive; a network error keeps it retrying.
    if (!socket.active) connection.set('disconnected');
    else connection.set(everConnected ? 'reconnecting' : 'connecting');
  });
  socket.onAny((event: string, channel: unknown, data: unknown) => {
    if (typeof channel === 'string') channels.get(channel)?.dispatch(event, data);
  });

  return {
    get state() {
      return connection.current;
    },
    subscribe(name) {
      let channel = channels.get(name);
      if (!channel) {
        channel = new ChannelState(name);
        channels.set(name, channel);
        // While offline the 'connect' handler subscribes it; emitting now would be buffered and sent twice.
        if (socket.connected) sendSubscribe(channel);
      }
      return channel;
    },
    unsubscribe(name) {
      if (!channels.delete(name)) return;
      if (socket.connected) socket.emit('unsubscribe', name, () => undefined);
    },
    trigger(channel, event, data) {
      if (socket.connected) socket.emit('client-event', { channel, event, data });
    },
    onConnectionChange: (fn) => connection.onChange(fn),
    async acknowledgeDelivered(conversationId, messageIds) {
      if (!socket.connected || messageIds.length === 0) return [];
      const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:delivered', { conversationId, messageIds });
      return answer.ok ? answer.messageIds : [];
    },
    async sendMessage(input) {
      // While offline socket.io-client would buffer the emit and send it on reconnect, after the HTTP fallback.
      if (!socket.connected) return null;
      return socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', input);
    },
    async adminsOnline() {
      if (!socket.connected) return false;
      const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('presence:admins-online');
      return answer.online;
    },
    disconnect() {
      channels.clear();
      socket.disconnect();
      connection.set('disconnected');
    },
  };
}

/**
 * Points each reconnection attempt at the next URL, round the list. The
 * Manager opens every attempt's transport from its `uri`, so changing it
 * between attempts is enough, and socket.io-client's own backoff, state and
 * buffering stay as they are (tests/realtime/multi-instance pins this).
 */
function failOverBetween(socket: Socket, urls: readonly string[]): void {
  const manager = socket.io as unknown as { uri: string };
  let current = 0;
  socket.io.on('reconnect_attempt', () => {
    current = (current + 1) % urls.length;
    manager.uri = urls[current]!;
  });
}
