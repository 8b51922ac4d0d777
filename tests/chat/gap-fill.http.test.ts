import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatClient, type ChatClient } from '@/chat/client';
import { conversationChannel, type MessagePayload } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';
import { createSocketIoConnector } from '@/realtime/client/socket-io-connector';
import { dialects, mysqlSkipReason } from '../helpers/databases';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { newVisitor, visitorSend, switchAiRepliesOff } from './helpers';
import { fastReconnect, noRateLimits, startCuttableProxy, untilMessages, untilState, type CuttableProxy } from './realtime-helpers';

const MISSED = 20;

/*
 * "No lost messages": a client whose connection drops misses the events sent
 * meanwhile; on reconnect it fetches `after=` its last id and must end with
 * exactly what the server stored, once each and in order, also when the
 * server process itself restarted in between.
 */
for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`chat gap fill on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useProductionServer({ admin: true, database: create, env: noRateLimits });
    let cleanup: (() => unknown)[] = [];

    beforeAll(() => switchAiRepliesOff(fixture.server, fixture.adminCookie));
    afterEach(async () => {
      for (const step of cleanup.reverse()) await step();
      cleanup = [];
    });

    /** A visitor with a conversation, whose client talks to the server through a proxy the test can cut. */
    async function connectedVisitor(): Promise<{ conversationId: string; firstId: number; proxy: CuttableProxy; connector: RealtimeConnector; client: ChatClient }> {
      const token = await newVisitor(fixture.server);
      const first = await visitorSend(fixture.server, token, { content: 'Hi, anyone there?' });
      expect(first.status).toBe(201);
      const conversationId: string = first.body.data.conversationId;
      const proxy = await startCuttableProxy(fixture.server);
      const connector = createSocketIoConnector({ url: proxy.url, sessionToken: token, socketOptions: fastReconnect });
      const client = createChatClient({ baseUrl: fixture.server.url, connector, auth: { sessionToken: token } });
      cleanup.push(() => proxy.close(), () => connector.disconnect(), () => client.dispose());
      await client.open(conversationId);
      await connector.subscribe(conversationChannel(conversationId)).whenSubscribed;
      // The catch-up that follows the subscription is finished before the test cuts the connection.
      await client.sync(conversationId);
      return { conversationId, firstId: first.body.data.id, proxy, connector, client };
    }

    /** The admin's messages, each acknowledged with 201; returns their ids in order. */
    async function adminSendsWhileAway(conversationId: string): Promise<number[]> {
      const ids: number[] = [];
      for (let index = 1; index <= MISSED; index++) {
        const sent = await api(fixture.server, '/api/chat/send', { body: { conversationId, content: `Missed message ${index}` }, cookie: fixture.adminCookie });
        expect(sent.status).toBe(201);
        ids.push(sent.body.data.id);
      }
      return ids;
    }

    function expectExactly(messages: readonly MessagePayload[], firstId: number, missed: number[]): void {
      expect(messages.map((message) => message.id)).toEqual([firstId, ...missed]);
      expect(messages.slice(1).map((message) => message.content)).toEqual(missed.map((_, index) => `Missed message ${index + 1}`));
    }

    it(`receives exactly the ${MISSED} messages sent while its connection was down, once each and in order`, async () => {
      const { conversationId, firstId, proxy, connector, client } = await connectedVisitor();
      await proxy.cut();
      await untilState(connector, 'reconnecting', 10_000);

      const missed = await adminSendsWhileAway(conversationId);
      // Nothing reached the client while it was away.
      expect(client.messages(conversationId).map((message) => message.id)).toEqual([firstId]);

      await proxy.restore();
      await untilState(connector, 'connected');
      const messages = await untilMessages(client, conversationId, (list) => list.length >= MISSED + 1, `${MISSED} missed messages`);
      expectExactly(messages, firstId, missed);

      // Live events keep flowing after the gap is filled, and do not duplicate anything.
      const live = await api(fixture.server, '/api/chat/send', { body: { conversationId, content: 'Back online?' }, cookie: fixture.adminCookie });
      const after = await untilMessages(client, conversationId, (list) => list.some((message) => message.id === live.body.data.id), 'the live message');
      expect(after.map((message) => message.id)).toEqual([firstId, ...missed, live.body.data.id]);
      // And the client acknowledged every one of them once it had them.
      await untilMessages(client, conversationId, (list) => list.slice(1).every((message) => message.status === 'delivered'), 'all delivered');
    });

    it('loses nothing acknowledged with 201 when the server restarts before the client reconnects', async () => {
      const { conversationId, firstId, proxy, connector, client } = await connectedVisitor();
      await proxy.cut();
      await untilState(connector, 'reconnecting', 10_000);
      const missed = await adminSendsWhileAway(conversationId);

      expect(await fixture.restart()).toBe(0);

      await proxy.restore();
      await untilState(connector, 'connected');
      const messages = await untilMessages(client, conversationId, (list) => list.length >= MISSED + 1, `${MISSED} missed messages`);
      expectExactly(messages, firstId, missed);

      const stored = await api(fixture.server, `/api/chat/messages?conversationId=${conversationId}`, { cookie: fixture.adminCookie });
      expect(stored.body.data.messages.map((message: MessagePayload) => message.id)).toEqual([firstId, ...missed]);
      // Delivery acknowledgements work against the new process too.
      await untilMessages(client, conversationId, (list) => list.slice(1).every((message) => message.status === 'delivered'), 'all delivered');
    }, 120_000);
  });
}
