import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatClient, type ChatClient } from '@/chat/client';
import { ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel, type MessagePayload } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';
import { createSocketIoConnector } from '@/realtime/client/socket-io-connector';
import { dialects, mysqlSkipReason } from '../helpers/databases';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { newVisitor, visitorSend, switchAiRepliesOff } from './helpers';
import { fastReconnect, fetchWithCookie, nextEvent, noRateLimits, untilMessages } from './realtime-helpers';


/*
 * The whole chat loop through a real server and real Socket.IO clients: the
 * HTTP API stores and publishes, the connector carries events, and the chat
 * client the widget will use merges, acknowledges and follows statuses.
 */
for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`chat realtime round trip on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useProductionServer({ admin: true, database: create, env: noRateLimits });
    const connectors: RealtimeConnector[] = [];
    const clients: ChatClient[] = [];
    beforeAll(() => switchAiRepliesOff(fixture.server, fixture.adminCookie));

    afterAll(() => {
      for (const client of clients) client.dispose();
      for (const connector of connectors) connector.disconnect();
    });

    const adminConnector = () => {
      const connector = createSocketIoConnector({ url: fixture.server.url, socketOptions: { ...fastReconnect, extraHeaders: { cookie: fixture.adminCookie } } });
      connectors.push(connector);
      return connector;
    };
    const visitorSide = (sessionToken: string) => {
      const connector = createSocketIoConnector({ url: fixture.server.url, sessionToken, socketOptions: fastReconnect });
      const client = createChatClient({ baseUrl: fixture.server.url, connector, auth: { sessionToken } });
      connectors.push(connector);
      clients.push(client);
      return { connector, client };
    };
    const adminSend = (body: Record<string, unknown>) => api(fixture.server, '/api/chat/send', { body, cookie: fixture.adminCookie });

    it('carries messages both ways, with delivered and read statuses reaching the sender', async () => {
      // The admin's inbox hears about a new conversation and its first message.
      const adminSide = adminConnector();
      const notifications = adminSide.subscribe(ADMIN_NOTIFICATIONS_CHANNEL);
      await notifications.whenSubscribed;
      const token = await newVisitor(fixture.server);
      const newConversation = nextEvent(notifications, 'new-conversation');
      const alert = nextEvent(notifications, 'new-message-alert');
      const first = await visitorSend(fixture.server, token, { content: 'Hello there', visitorName: 'Ada' });
      expect(first.status).toBe(201);
      const conversationId: string = first.body.data.conversationId;
      expect(await newConversation).toMatchObject({ id: conversationId, visitorName: 'Ada', status: 'active' });
      expect(await alert).toMatchObject({
        conversation: { id: conversationId },
        message: { id: first.body.data.id, content: 'Hello there', senderType: 'visitor', status: 'sent' },
      });

      // Subscribed to the conversation, the admin receives the visitor's next message.
      const adminChannel = adminSide.subscribe(conversationChannel(conversationId));
      await adminChannel.whenSubscribed;
      const visitorMessage = nextEvent(adminChannel, 'new-message');
      const second = await visitorSend(fixture.server, token, { content: 'Are you there?' });
      expect(second.status).toBe(201);
      expect(await visitorMessage).toMatchObject({ id: second.body.data.id, content: 'Are you there?', senderType: 'visitor' });

      // The visitor's client loads the history, then hears the admin's reply as an event.
      const { connector, client } = visitorSide(token);
      await client.open(conversationId);
      expect(client.messages(conversationId).map((message) => message.id)).toEqual([first.body.data.id, second.body.data.id]);
      await connector.subscribe(conversationChannel(conversationId)).whenSubscribed;

      const replyEvent = nextEvent(connector.subscribe(conversationChannel(conversationId)), 'new-message', (message) => message.senderType === 'admin');
      const delivered = nextEvent(adminChannel, 'message-status', (data) => data.status === 'delivered');
      const reply = await adminSend({ conversationId, content: 'Yes, how can I help?' });
      expect(reply.status).toBe(201);
      const replyId: number = reply.body.data.id;
      expect(await replyEvent).toMatchObject({ id: replyId, senderType: 'admin', content: 'Yes, how can I help?' });
      await untilMessages(client, conversationId, (messages) => messages.some((message) => message.id === replyId), 'the reply in the client');

      // The client acknowledged delivery by itself; the admin hears it and so does the client.
      expect(await delivered).toEqual({ conversationId, messageIds: [replyId], status: 'delivered' });
      await untilMessages(
        client,
        conversationId,
        (messages) => messages.find((message) => message.id === replyId)?.status === 'delivered',
        'the reply marked delivered',
      );

      // The visitor reads: the admin hears which messages.
      const read = nextEvent(adminChannel, 'message-read');
      await client.markRead(conversationId);
      expect(await read).toMatchObject({ conversationId, messageIds: [replyId], readBy: 'visitor' });
      expect(client.messages(conversationId).find((message) => message.id === replyId)?.status).toBe('read');

      // The admin acknowledges and reads the visitor's messages: the visitor's client follows.
      expect(await adminSide.acknowledgeDelivered(conversationId, [first.body.data.id, second.body.data.id])).toEqual([
        first.body.data.id,
        second.body.data.id,
      ]);
      await untilMessages(
        client,
        conversationId,
        (messages) => messages.filter((message) => message.senderType === 'visitor').every((message) => message.status === 'delivered'),
        "the visitor's messages marked delivered",
      );
      const adminRead = await api(fixture.server, '/api/chat/read', { body: { conversationId, upToMessageId: replyId }, cookie: fixture.adminCookie });
      expect(adminRead.status).toBe(200);
      await untilMessages(
        client,
        conversationId,
        (messages) => messages.filter((message) => message.senderType === 'visitor').every((message) => message.status === 'read'),
        "the visitor's messages marked read",
      );

      // The stored statuses match what the events said.
      const stored = await api(fixture.server, `/api/chat/messages?conversationId=${conversationId}`, { cookie: fixture.adminCookie });
      expect(stored.status).toBe(200);
      expect(stored.body.data.messages.map((message: MessagePayload) => [message.id, message.status])).toEqual([
        [first.body.data.id, 'read'],
        [second.body.data.id, 'read'],
        [replyId, 'read'],
      ]);
      expect(client.messages(conversationId).map((message) => [message.id, message.status])).toEqual(
        stored.body.data.messages.map((message: MessagePayload) => [message.id, message.status]),
      );
    });

    it('gives an admin chat client the same view through its cookie', async () => {
      const token = await newVisitor(fixture.server);
      const first = await visitorSend(fixture.server, token, { content: 'One' });
      const conversationId: string = first.body.data.conversationId;
      const connector = adminConnector();
      const client = createChatClient({ baseUrl: fixture.server.url, connector, fetch: fetchWithCookie(fixture.adminCookie), auth: 'admin-cookie' });
      clients.push(client);
      const delivered = nextEvent(connector.subscribe(conversationChannel(conversationId)), 'message-status');
      await client.open(conversationId);
      // The admin's client acknowledges the visitor's message, not its own.
      expect(await delivered).toEqual({ conversationId, messageIds: [first.body.data.id], status: 'delivered' });
      const second = await visitorSend(fixture.server, token, { content: 'Two' });
      const reply = await adminSend({ conversationId, content: 'Three' });
      const messages = await untilMessages(
        client,
        conversationId,
        (list) => list.length === 3 && list[1]!.status === 'delivered',
        'both new messages, the visitor one delivered',
      );
      expect(messages.map((message) => [message.id, message.senderType])).toEqual([
        [first.body.data.id, 'visitor'],
        [second.body.data.id, 'visitor'],
        [reply.body.data.id, 'admin'],
      ]);
      expect(messages[2]!.status).toBe('sent');
    });
  });
}
