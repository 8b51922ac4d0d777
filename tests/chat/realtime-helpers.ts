import net from 'node:net';
import type { ChatClient } from '@/chat/client';
import type { MessagePayload } from '@/realtime/channels';
import type { Channel, ChannelEventData, ChannelEventName, ConnectionState, RealtimeConnector } from '@/realtime/client';

/*
 * Event-waiting helpers for the chat round-trip tests: every wait has a
 * timeout and says what it was waiting for, so a lost event fails fast and
 * readably instead of hanging or needing sleeps.
 */

/** Chat limits off, so a test may send dozens of messages in a second. */
export const noRateLimits = {
  CHAT_RATE_LIMIT_PER_MINUTE: '0',
  CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
  CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
};

export const fastReconnect = { reconnectionDelay: 100, reconnectionDelayMax: 300 };

/** Resolves when the connector reaches `state` (at once if it is there already). */
export function untilState(connector: RealtimeConnector, state: ConnectionState, timeoutMs = 30_000): Promise<void> {
  if (connector.state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`connector never reached "${state}" (is "${connector.state}")`));
    }, timeoutMs);
    const stop = connector.onConnectionChange((next) => {
      if (next !== state) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/**
 * The first `event` on `channel` that matches `accept`. Bind it BEFORE
 * causing the event (it is a promise you await afterwards).
 */
export function nextEvent<E extends ChannelEventName>(
  channel: Channel,
  event: E,
  accept: (data: ChannelEventData<E>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<ChannelEventData<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unbind();
      reject(new Error(`timed out waiting for "${event}" on ${channel.name}`));
    }, timeoutMs);
    const unbind = channel.bind(event, (data) => {
      if (!accept(data)) return;
      clearTimeout(timer);
      unbind();
      resolve(data);
    });
  });
}

/** Resolves with a conversation's list in the chat client once `accept` holds for it. */
export function untilMessages(
  client: ChatClient,
  conversationId: string,
  accept: (messages: readonly MessagePayload[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<readonly MessagePayload[]> {
  if (accept(client.messages(conversationId))) return Promise.resolve(client.messages(conversationId));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      const ids = client.messages(conversationId).map((message) => `${message.id}:${message.status}`);
      reject(new Error(`timed out waiting for ${what}; the client holds [${ids.join(', ')}]`));
    }, timeoutMs);
    const stop = client.onMessages((id, messages) => {
      if (id !== conversationId || !accept(messages)) return;
      clearTimeout(timer);
      stop();
      resolve(messages);
    });
  });
}

/** A fetch that sends the admin's cookie, standing in for the browser's same-origin cookie handling. */
export function fetchWithCookie(cookie: string): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    return fetch(input, { ...init, headers });
  };
}

/**
 * A TCP proxy in front of the server whose connections can be cut: the way
 * these tests take a client's network away (its transport dies, socket.io
 * retries) and give it back on the same port, without touching the server.
 */
export async function startCuttableProxy(target: { port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((downstream) => {
        const upstream = net.connect(target.port, '127.0.0.1');
        for (const socket of [downstream, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            downstream.destroy();
            upstream.destroy();
          });
        }
        downstream.pipe(upstream).pipe(downstream);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    /** Refuses new connections and kills every open one. */
    async cut() {
      const closing = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    /** Accepts connections again, on the same port. */
    restore: listen,
    close() {
      return this.cut();
    },
  };
}

export type CuttableProxy = Awaited<ReturnType<typeof startCuttableProxy>>;
