import { afterAll, beforeAll } from 'vitest';
import { ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel, type MessagePayload, type ServerEvents } from '@/realtime/channels';
import type { TestDatabase } from '../helpers/databases';
import { useProductionServer, type ProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { noRateLimits } from '../chat/realtime-helpers';
import { connect, createClient, createVisitor, type TestSocket } from '../realtime/helpers';

/*
 * Fixtures for the assistant's server tests: a real server on a fresh
 * database, visitors with a real Socket.IO client recording every event in
 * arrival order, and waits that fail with what they were waiting for.
 */

export type RecordedEvent = { event: string; channel: string; data: unknown };

export type AssistantFixture = ProductionServer & {
  adminSocket: TestSocket;
  /** Events on the admin notifications channel, in arrival order. */
  adminEvents: RecordedEvent[];
};

/** For one describe block: the server (with `env` on top of an admin and no chat rate limits), signed in. */
export function useAssistantServer(options: { create: () => Promise<TestDatabase>; env?: () => Record<string, string> }) {
  const server = useProductionServer({ admin: true, database: options.create, env: () => ({ ...noRateLimits, ...options.env?.() }) });
  // The server's own fields stay on it (it fills them once started); this object adds the admin's socket.
  const fixture: AssistantFixture = Object.create(server);
  beforeAll(async () => {
    fixture.adminSocket = await connect(createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } }));
    fixture.adminEvents = record(fixture.adminSocket);
    await fixture.adminSocket.timeout(5_000).emitWithAck('subscribe', ADMIN_NOTIFICATIONS_CHANNEL);
  });
  afterAll(() => {
    fixture.adminSocket?.disconnect();
  });
  return fixture;
}

function record(socket: TestSocket): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  socket.onAny((event: string, channel: string, data: unknown) => events.push({ event, channel, data }));
  return events;
}

/** Resolves with the first recorded event (already there or still to come) that matches. */
export function waitForEvent<T = unknown>(
  events: RecordedEvent[],
  matches: (event: RecordedEvent) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = events.find(matches);
      if (found) return resolve(found.data as T);
      if (Date.now() - started > timeoutMs) {
        return reject(new Error(`timed out waiting for ${what}; saw: ${events.map((entry) => entry.event).join(', ')}`));
      }
      setTimeout(poll, 10);
    };
    poll();
  });
}

export const isAiMessage = ({ event, data }: RecordedEvent) =>
  event === 'new-message' && (data as MessagePayload).senderType === 'ai';

/**
 * A visitor whose conversation already exists (made in the database, as the
 * realtime tests do), with a socket subscribed to it before the first
 * message, so no AI event can slip past the recorder.
 */
export async function visitorInConversation(fixture: AssistantFixture) {
  const visitor = await createVisitor(fixture.repository);
  const conversationId = visitor.conversationId!;
  const socket = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token } }));
  const events = record(socket);
  const subscribed = await socket.timeout(5_000).emitWithAck('subscribe', conversationChannel(conversationId));
  if (!subscribed.ok) throw new Error(`visitor could not subscribe: ${subscribed.error}`);
  return {
    conversationId,
    token: visitor.token,
    socket,
    events,
    send: (content: string) => api(fixture.server, '/api/chat/send', { body: { content }, headers: { 'x-session-token': visitor.token } }),
    messages: async () =>
      (await api(fixture.server, `/api/chat/messages?conversationId=${conversationId}`, { headers: { 'x-session-token': visitor.token } }))
        .body.data.messages as MessagePayload[],
    /** Waits for the next AI message after `count` earlier ones, and for the typing indicator to go off after it. */
    async nextAiReply(count = 0): Promise<MessagePayload> {
      const reply = await waitForEvent<MessagePayload>(
        events,
        (entry) => isAiMessage(entry) && events.filter(isAiMessage).indexOf(entry) === count,
        `AI reply #${count + 1}`,
      );
      await waitForTypingOff(events, reply);
      return reply;
    },
    close: () => socket.disconnect(),
  };
}

export type TestVisitor = Awaited<ReturnType<typeof visitorInConversation>>;

/** `ai-typing` false arriving after `after` (a message) or at all. */
export function waitForTypingOff(events: RecordedEvent[], after?: MessagePayload) {
  const start = after ? events.findIndex((entry) => entry.event === 'new-message' && (entry.data as MessagePayload).id === after.id) : -1;
  return waitForEvent(
    events,
    (entry) => entry.event === 'ai-typing' && !(entry.data as ServerEvents['ai-typing']).isTyping && events.indexOf(entry) > start,
    'ai-typing false',
  );
}

/** Gives a reply that must not come many times the time a real one takes, then returns what the visitor saw. */
export async function settle(visitor: TestVisitor, ms = 600) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return visitor.events;
}

export const adminApi = (fixture: AssistantFixture, pathname: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  api(fixture.server, pathname, { ...init, cookie: fixture.adminCookie });

/** The admins' copy of a stored message (the alert carries it in full), for what the visitor's copy leaves out. */
export async function adminCopyOf(fixture: AssistantFixture, message: MessagePayload): Promise<MessagePayload> {
  const alert = await waitForEvent<ServerEvents['new-message-alert']>(
    fixture.adminEvents,
    (entry) => entry.event === 'new-message-alert' && (entry.data as ServerEvents['new-message-alert']).message.id === message.id,
    `the admins' copy of message ${message.id}`,
  );
  return alert.message;
}
