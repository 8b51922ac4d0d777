import { describe, expect, it, vi } from 'vitest';
import { createChatClient } from '@/chat/client';
import { ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel, type MessagePayload } from '@/realtime/channels';
import { ChannelState, type ConnectionState, type RealtimeConnector } from '@/realtime/client/connector';

/*
 * The chat client's merge rules, with a scripted connector and fetch so the
 * races the end-to-end tests can only hope to hit happen on purpose here.
 */

const CONVERSATION = '0000000000000000000000000000000c';

function message(id: number, overrides: Partial<MessagePayload> = {}): MessagePayload {
  return {
    id,
    conversationId: CONVERSATION,
    content: `message ${id}`,
    senderType: 'admin',
    senderId: 1,
    clientMessageId: null,
    status: 'sent',
    createdAt: new Date(1_700_000_000_000 + id).toISOString(),
    metadata: null,
    ...overrides,
  };
}

function fakeConnector() {
  const channels = new Map<string, ChannelState>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connected';
  const acknowledged: number[][] = [];
  const connector: RealtimeConnector = {
    get state() {
      return state;
    },
    subscribe(name) {
      let channel = channels.get(name);
      if (!channel) {
        channel = new ChannelState(name);
        channels.set(name, channel);
      }
      return channel;
    },
    unsubscribe: (name) => void channels.delete(name),
    trigger: () => undefined,
    onConnectionChange(fn) {
      stateListeners.add(fn);
      return () => void stateListeners.delete(fn);
    },
    async acknowledgeDelivered(_conversationId, ids) {
      acknowledged.push(ids);
      return ids;
    },
    // The chat client never sends: the send path has its own tests (client/send.test.ts).
    sendMessage: async () => null,
    adminsOnline: async () => false,
    disconnect: () => undefined,
  };
  return {
    connector,
    acknowledged,
    channel: (id = CONVERSATION) => connector.subscribe(conversationChannel(id)) as ChannelState,
    setState(next: ConnectionState) {
      state = next;
      for (const listener of [...stateListeners]) listener(next);
    },
  };
}

/** A server holding `stored`, answering /api/chat/messages like the real one (pages of `limit`, oldest first). */
function fakeServer(stored: MessagePayload[]) {
  const requests: string[] = [];
  let beforeAnswer: (() => void) | undefined;
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://site.test');
    requests.push(url.search);
    beforeAnswer?.();
    const limit = Number(url.searchParams.get('limit'));
    const after = url.searchParams.get('after');
    const sorted = [...stored].sort((a, b) => a.id - b.id);
    let page: MessagePayload[];
    let hasMore: boolean;
    if (after !== null) {
      const newer = sorted.filter((entry) => entry.id > Number(after));
      page = newer.slice(0, limit);
      hasMore = newer.length > limit;
    } else {
      page = sorted.slice(-limit);
      hasMore = sorted.length > limit;
    }
    return new Response(JSON.stringify({ success: true, data: { messages: page, hasMore, nextCursor: null } }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests, stored, onRequest: (fn: () => void) => (beforeAnswer = fn) };
}

const ids = (messages: readonly MessagePayload[]) => messages.map((entry) => entry.id);

describe('chat client', () => {
  it('shows a message that arrives both by event and by fetch once, in id order', async () => {
    const realtime = fakeConnector();
    const server = fakeServer([message(1), message(2)]);
    // The event for message 3 arrives while the first page is on its way, which already includes it.
    server.onRequest(() => {
      server.stored.push(message(3));
      realtime.channel().dispatch('new-message', message(3));
      server.onRequest(() => undefined);
    });
    const client = createChatClient({ connector: realtime.connector, fetch: server.fetch, auth: { sessionToken: 't' } });
    await client.open(CONVERSATION);
    realtime.channel().dispatch('new-message', message(2));
    expect(ids(client.messages(CONVERSATION))).toEqual([1, 2, 3]);
    expect(server.requests[0]).toContain(`conversationId=${CONVERSATION}`);
  });

  it("keeps the admins' full copy of a message whichever copy arrives first", async () => {
    const full = message(2, { senderType: 'ai', senderId: null, metadata: { streamId: 's', provider: 'local', inputTokens: 3 } });
    const visitorCopy = { ...full, metadata: { streamId: 's' } };
    for (const order of [['channel', 'alert'], ['alert', 'channel']] as const) {
      const realtime = fakeConnector();
      const client = createChatClient({ connector: realtime.connector, fetch: fakeServer([message(1)]).fetch, auth: 'admin-cookie' });
      await client.open(CONVERSATION);
      for (const source of order) {
        if (source === 'channel') realtime.channel().dispatch('new-message', visitorCopy);
        else (realtime.connector.subscribe(ADMIN_NOTIFICATIONS_CHANNEL) as ChannelState).dispatch('new-message-alert', { conversation: {}, message: full });
      }
      expect(client.messages(CONVERSATION).find((entry) => entry.id === 2)?.metadata, order.join(' then ')).toEqual(full.metadata);
    }
  });

  it('fetches after the last id in pages on every reconnect', async () => {
    const realtime = fakeConnector();
    const server = fakeServer([message(1)]);
    const client = createChatClient({ connector: realtime.connector, fetch: server.fetch, auth: { sessionToken: 't' }, pageSize: 2 });
    const seen: number[][] = [];
    client.onMessages((_id, list) => seen.push(ids(list)));
    await client.open(CONVERSATION);
    realtime.channel().subscribed();
    await client.sync(CONVERSATION);

    realtime.setState('reconnecting');
    realtime.channel().reset();
    server.stored.push(message(2), message(3), message(4), message(5), message(6));
    server.requests.length = 0;
    realtime.setState('connected');
    realtime.channel().subscribed();
    await vi.waitFor(() => expect(ids(client.messages(CONVERSATION))).toEqual([1, 2, 3, 4, 5, 6]));
    // Everything after the last id, page by page, then the newest page again for statuses that changed meanwhile.
    expect(server.requests.map((search) => new URLSearchParams(search).get('after'))).toEqual(['1', '3', '5', null]);
    expect(seen.at(-1)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('picks up delivered/read statuses that changed while the channel was not subscribed', async () => {
    const realtime = fakeConnector();
    const server = fakeServer([message(1, { senderType: 'visitor' }), message(2, { senderType: 'visitor' })]);
    const client = createChatClient({ connector: realtime.connector, fetch: server.fetch, auth: { sessionToken: 't' } });
    await client.open(CONVERSATION);
    realtime.channel().subscribed();
    await client.sync(CONVERSATION);

    // Offline: the owner reads both; the 'message-read' event never reaches this client.
    realtime.setState('reconnecting');
    realtime.channel().reset();
    server.stored.splice(0, 2, message(1, { senderType: 'visitor', status: 'read' }), message(2, { senderType: 'visitor', status: 'read' }));
    realtime.setState('connected');
    realtime.channel().subscribed();
    await vi.waitFor(() => expect(client.messages(CONVERSATION).map((entry) => entry.status)).toEqual(['read', 'read']));
  });

  it("acknowledges only the other side's undelivered messages, and never lowers a status", async () => {
    const realtime = fakeConnector();
    const server = fakeServer([message(1, { senderType: 'visitor' }), message(2), message(3, { status: 'delivered' })]);
    const client = createChatClient({ connector: realtime.connector, fetch: server.fetch, auth: { sessionToken: 't' } });
    await client.open(CONVERSATION);
    await vi.waitFor(() => expect(client.messages(CONVERSATION)[1]!.status).toBe('delivered'));
    expect(realtime.acknowledged).toEqual([[2]]);

    realtime.channel().dispatch('message-read', { conversationId: CONVERSATION, messageIds: [1], readBy: 'admin', readAt: new Date().toISOString() });
    realtime.channel().dispatch('new-message', message(1, { senderType: 'visitor', status: 'sent' }));
    realtime.channel().dispatch('message-status', { conversationId: CONVERSATION, messageIds: [1], status: 'delivered' });
    expect(client.messages(CONVERSATION)[0]!.status).toBe('read');
  });

  it("rejects with the API's own error text and status", async () => {
    const refusal = { success: false, error: 'Your chat session has expired. Start a new one.', code: 'unauthorized:session' };
    const fetch = vi.fn(async () => new Response(JSON.stringify(refusal), { status: 401 })) as unknown as typeof globalThis.fetch;
    const client = createChatClient({ connector: fakeConnector().connector, fetch, auth: { sessionToken: 't' } });
    await expect(client.open(CONVERSATION)).rejects.toMatchObject({ message: refusal.error, status: 401 });
  });

  it('sends the session token, or nothing but same-origin credentials for an admin', async () => {
    for (const auth of [{ sessionToken: 'secret' }, 'admin-cookie'] as const) {
      const server = fakeServer([]);
      const client = createChatClient({ baseUrl: 'http://site.test/', connector: fakeConnector().connector, fetch: server.fetch, auth });
      await client.open(CONVERSATION);
      const [url, init] = vi.mocked(server.fetch).mock.calls[0]!;
      expect(String(url)).toMatch(/^http:\/\/site\.test\/api\/chat\/messages\?/);
      expect(init?.credentials).toBe('same-origin');
      expect((init?.headers as Record<string, string>)['x-session-token']).toBe(auth === 'admin-cookie' ? undefined : 'secret');
      client.dispose();
    }
  });
});
