import { createChatClient, type ChatClient } from '@/chat/client';
import { ADMIN_NOTIFICATIONS_CHANNEL, ADMIN_PRESENCE_CHANNEL, conversationChannel, type MessagePayload, type ServerEvents } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';
import { createSocketIoConnector } from '@/realtime/client/socket-io-connector';
import { afterEach } from 'vitest';
import { api } from '../../helpers/server';
import { fetchWithCookie, untilState } from '../../chat/realtime-helpers';
import type { E2eFixture } from './fixtures';
import { waitUntil } from './page-objects';

/*
 * The owner's side driven over the real HTTP API and Socket.IO, with the
 * project's own connector and chat client (what the admin inbox runs on):
 * the visitor tests need an owner who is online, reads, types and replies.
 */
export type AdminDriver = {
  connector: RealtimeConnector;
  client: ChatClient;
  /** Every message alert since connecting, oldest first. */
  alerts: ServerEvents['new-message-alert'][];
  /** The conversation a visitor message with this text arrived in. */
  conversationOf(text: string): Promise<string>;
  /** Opens it in the chat client: loads it and acknowledges delivery, like an open inbox panel. */
  open(conversationId: string): Promise<void>;
  messages(conversationId: string): readonly MessagePayload[];
  reply(conversationId: string, content: string): Promise<MessagePayload>;
  markRead(conversationId: string): Promise<void>;
  typing(conversationId: string, isTyping: boolean): void;
  close(): void;
};

export async function connectAdmin(server: { url: string }, cookie: string): Promise<AdminDriver> {
  const connector = createSocketIoConnector({ url: server.url, socketOptions: { extraHeaders: { cookie }, reconnectionDelay: 100, reconnectionDelayMax: 300 } });
  await untilState(connector, 'connected');
  const client = createChatClient({ baseUrl: server.url, connector, fetch: fetchWithCookie(cookie), auth: 'admin-cookie' });
  const alerts: ServerEvents['new-message-alert'][] = [];
  const notifications = connector.subscribe(ADMIN_NOTIFICATIONS_CHANNEL);
  notifications.bind('new-message-alert', (alert) => alerts.push(alert));
  // Joining presence is what makes the owner "online" for visitors.
  await Promise.all([notifications.whenSubscribed, connector.subscribe(ADMIN_PRESENCE_CHANNEL).whenSubscribed]);

  return {
    connector,
    client,
    alerts,
    conversationOf: (text) =>
      waitUntil(() => alerts.find((alert) => alert.message.content.includes(text))?.conversation.id, `the admin to be alerted of "${text}"`),
    open: (conversationId) => client.open(conversationId),
    messages: (conversationId) => client.messages(conversationId),
    async reply(conversationId, content) {
      const response = await api(server, '/api/chat/send', { body: { conversationId, content }, cookie });
      if (response.status !== 201) throw new Error(`admin reply failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.data as MessagePayload;
    },
    markRead: (conversationId) => client.markRead(conversationId),
    typing: (conversationId, isTyping) => connector.trigger(conversationChannel(conversationId), 'client-typing', { isTyping, senderType: 'admin' }),
    close() {
      client.dispose();
      connector.disconnect();
    },
  };
}

/** All stored messages of a conversation, as the admin API returns them (the ground truth for "no duplicates"). */
export async function storedMessages(server: { url: string }, cookie: string, conversationId: string): Promise<MessagePayload[]> {
  const response = await api(server, `/api/chat/messages?conversationId=${conversationId}&limit=100`, { cookie });
  if (response.status !== 200) throw new Error(`listing messages failed: ${response.status}`);
  return response.body.data.messages as MessagePayload[];
}

/** For a describe block: the returned function connects an online owner, disconnected again after each test. */
export function useAdminDriver(e2e: E2eFixture): () => Promise<AdminDriver> {
  let current: AdminDriver | undefined;
  afterEach(() => {
    current?.close();
    current = undefined;
  });
  return async () => {
    current = await connectAdmin(e2e.server, e2e.adminCookie);
    return current;
  };
}
