import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_NOTIFICATIONS_CHANNEL, ADMIN_PRESENCE_CHANNEL, conversationChannel, type ServerEvents } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';
import { createPusherConnector } from '@/realtime/client/pusher-connector';
import { api } from '../helpers/server';
import { fetchWithCookie } from '../chat/realtime-helpers';
import { startPusherStandIn } from '../realtime/pusher-stand-in';
import { useE2e } from './helpers/fixtures';
import { VisitorChat, waitUntil } from './helpers/page-objects';

/*
 * The visitor's page with REALTIME_DRIVER=pusher: the browser bundle's
 * pusher-js connector, configured by the page, talks to a local
 * Pusher-protocol server (tests/realtime/pusher-stand-in.ts) while the owner
 * uses the same connector from Node.
 */

const app = { appId: '777', key: 'e2e-pusher-key', secret: 'e2e-pusher-secret-long-enough' };

describe('visitor chat over Pusher', () => {
  let standIn: Awaited<ReturnType<typeof startPusherStandIn>>;
  beforeAll(async () => {
    standIn = await startPusherStandIn(app, { webhookUrl: () => e2e.server && `${e2e.server.url}/api/pusher/webhook` });
  });
  const e2e = useE2e({ env: () => standIn.env, settings: { aiEnabled: false } });
  let owner: RealtimeConnector;
  afterAll(async () => {
    owner?.disconnect();
    await standIn?.close();
  });

  it('shows the owner online, delivers both ways live, with ticks and typing, all through Pusher', async () => {
    owner = createPusherConnector({ key: app.key, host: '127.0.0.1', port: standIn.port, forceTLS: false, url: e2e.server.url, fetch: fetchWithCookie(e2e.adminCookie) });
    const alerts: ServerEvents['new-message-alert'][] = [];
    const notifications = owner.subscribe(ADMIN_NOTIFICATIONS_CHANNEL);
    notifications.bind('new-message-alert', (alert) => alerts.push(alert));
    await Promise.all([notifications.whenSubscribed, owner.subscribe(ADMIN_PRESENCE_CHANNEL).whenSubscribed]);

    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    await waitUntil(async () => (await chat.testId('owner-presence').getAttribute('data-online')) === 'true', 'the owner to show as online');

    await chat.send('Hello through Pusher');
    const conversationId = await waitUntil(
      () => alerts.find((alert) => alert.message.content === 'Hello through Pusher')?.conversation.id,
      'the owner to be alerted',
    );
    const conversation = owner.subscribe(conversationChannel(conversationId));
    await conversation.whenSubscribed;
    const visitorMessageId = alerts.find((alert) => alert.conversation.id === conversationId)!.message.id;
    expect(await owner.acknowledgeDelivered(conversationId, [visitorMessageId])).toEqual([visitorMessageId]);
    await chat.waitForStatus('Hello through Pusher', 'delivered');

    owner.trigger(conversationChannel(conversationId), 'client-typing', { isTyping: true, senderType: 'admin' });
    await chat.testId('typing-indicator').waitFor();

    const reply = await api(e2e.server, '/api/chat/send', { body: { conversationId, content: 'Hi from the owner' }, cookie: e2e.adminCookie });
    expect(reply.status).toBe(201);
    await chat.message('Hi from the owner').waitFor();
    expect(await chat.message('Hi from the owner').getAttribute('data-sender')).toBe('admin');
  });
});
