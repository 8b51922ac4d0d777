import { randomUUID } from 'node:crypto';
import { io, type Socket, type SocketOptions, type ManagerOptions } from 'socket.io-client';
import { hashSessionToken } from '@/chat/server/visitor-session';
import type { Repository } from '@/db/repository';
import type { ClientToServerEvents, ServerToClientEvents } from '@/realtime/protocol';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A client that does not connect until asked, and never reconnects unless told to. */
export function createClient(server: { url: string }, options: Partial<ManagerOptions & SocketOptions> = {}): TestSocket {
  return io(server.url, { path: '/socket.io/', autoConnect: false, reconnection: false, forceNew: true, ...options });
}

/** Resolves with the arguments of the next `event` on `emitter` (rejects after a timeout). */
export function waitFor<T extends unknown[] = unknown[]>(
  emitter: { once: unknown },
  event: string,
  timeoutMs = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for "${event}"`)), timeoutMs);
    (emitter.once as (event: string, fn: (...args: unknown[]) => void) => unknown).call(emitter, event, (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args as T);
    });
  });
}

/** Connects and resolves once connected, or rejects with the connect_error. */
export async function connect(socket: TestSocket): Promise<TestSocket> {
  const outcome = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  socket.connect();
  await outcome;
  return socket;
}

/** Every `event` the socket receives from now on, for asserting what did NOT arrive after a later round trip. */
export function collect(socket: TestSocket, event: keyof ServerToClientEvents): unknown[][] {
  const seen: unknown[][] = [];
  socket.on(event, ((...args: unknown[]) => seen.push(args)) as never);
  return seen;
}

export async function createVisitor(repository: Repository, options: { withConversation?: boolean } = {}) {
  const token = randomUUID();
  const session = await repository.createChatSession({
    tokenHash: hashSessionToken(token),
    visitorId: randomUUID(),
    expiresAt: new Date(Date.now() + 60 * 60 * 1000),
  });
  const conversationId = options.withConversation === false
    ? null
    : (await repository.getOrCreateOpenConversationBySessionId({ sessionId: session.id })).conversation.id;
  return { token, session, conversationId };
}
