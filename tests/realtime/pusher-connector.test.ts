import Pusher from 'pusher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '@/realtime/client';
import { connectionStateOf, createPusherConnector } from '@/realtime/client/pusher-connector';
import { startPusherStandIn } from './pusher-stand-in';

/*
 * The pusher-js connector's connection states and channel bookkeeping,
 * against a local server speaking Pusher's protocols (no network, no app
 * server: public channels need no authorization).
 */

const app = { appId: '1', key: 'connector-test-key', secret: 'connector-test-secret' };

describe('pusher-js connector states', () => {
  it('maps every pusher-js state onto the one union, telling a first attempt from a reconnect', () => {
    expect(['initialized', 'connecting', 'unavailable'].map((state) => connectionStateOf(state, false))).toEqual([
      'connecting',
      'connecting',
      'connecting',
    ]);
    expect(['initialized', 'connecting', 'unavailable'].map((state) => connectionStateOf(state, true))).toEqual([
      'reconnecting',
      'reconnecting',
      'reconnecting',
    ]);
    expect(connectionStateOf('connected', false)).toBe('connected');
    expect(connectionStateOf('failed', true)).toBe('disconnected');
    expect(connectionStateOf('disconnected', true)).toBe('disconnected');
  });

  describe('against a Pusher-protocol server', () => {
    let standIn: Awaited<ReturnType<typeof startPusherStandIn>>;
    beforeAll(async () => {
      standIn = await startPusherStandIn(app);
    });
    afterAll(() => standIn?.close());

    it('connects, reports a dropped connection as reconnecting, comes back, and ends disconnected', async () => {
      const connector = createPusherConnector({ key: app.key, host: '127.0.0.1', port: standIn.port, forceTLS: false });
      const seen: ConnectionState[] = [];
      connector.onConnectionChange((state) => seen.push(state));
      expect(connector.state).toBe('connecting');
      await expect.poll(() => connector.state).toBe('connected');
      const channel = connector.subscribe('public-updates');
      await channel.whenSubscribed;
      // Connected or not, messages go to the chat API: Pusher carries only client events between members.
      expect(await connector.sendMessage({ content: 'hi', clientMessageId: 'cm-1' })).toBeNull();

      standIn.dropConnections();
      await expect.poll(() => seen, { timeout: 15_000 }).toContain('reconnecting');
      await expect.poll(() => connector.state, { timeout: 15_000 }).toBe('connected');
      // pusher-js subscribed the channel again by itself, and the connector knew to wait for it.
      await channel.whenSubscribed;

      connector.disconnect();
      await expect.poll(() => connector.state).toBe('disconnected');
      expect(seen).toEqual(['connected', 'reconnecting', 'connected', 'disconnected']);
    });

    it('delivers to the listeners of a channel subscribed again, not to those of the one left', async () => {
      const connector = createPusherConnector({ key: app.key, host: '127.0.0.1', port: standIn.port, forceTLS: false });
      const publisher = new Pusher({ ...app, host: '127.0.0.1', port: String(standIn.port), useTLS: false });
      const left: unknown[] = [];
      const current: unknown[] = [];
      const first = connector.subscribe('public-typing');
      first.bind('ai-typing', (data) => left.push(data));
      await first.whenSubscribed;
      connector.unsubscribe('public-typing');
      const second = connector.subscribe('public-typing');
      expect(second).not.toBe(first);
      second.bind('ai-typing', (data) => current.push(data));
      await second.whenSubscribed;

      await publisher.trigger('public-typing', 'ai-typing', { conversationId: 1, isTyping: true });
      await expect.poll(() => current).toEqual([{ conversationId: 1, isTyping: true }]);
      expect(left).toEqual([]);
      connector.disconnect();
    });
  });
});
