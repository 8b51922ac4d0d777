import type { MessageStatus } from '@/db/schema/types';
import { callApi } from '@/http/client/api-client';
import { ADMIN_NOTIFICATIONS_CHANNEL, conversationChannel, type MessagePayload, type ServerEvents } from '@/realtime/channels';
import type { RealtimeConnector } from '@/realtime/client';

export { sendChatMessage, type ChatSendOptions } from './send';

/*
 * The browser's chat state, framework-free (the widget and the admin inbox
 * wrap it in React). It keeps one list per open conversation, ordered by id,
 * fed by two sources that may overlap: realtime events and HTTP pages. Events
 * are dropped while a socket is down, so whenever the channel is (re)subscribed
 * the client asks for everything after the last id it has and merges by id:
 * a message that arrives both ways shows once, and nothing the server stored
 * is missed.
 */

/** A visitor authenticates with its session token; an admin's browser sends its cookie by itself. */
export type ChatClientAuth = { sessionToken: string } | 'admin-cookie';

export type ChatClientOptions = {
  /** The site's origin; relative URLs (the page's origin) when left out. */
  baseUrl?: string;
  connector: RealtimeConnector;
  /** For tests and non-browser hosts (e.g. to add the admin cookie); the global fetch by default. */
  fetch?: typeof fetch;
  auth: ChatClientAuth;
  /** Messages per HTTP page (1–100). */
  pageSize?: number;
};

export type MessagesListener = (conversationId: string, messages: readonly MessagePayload[]) => void;

export interface ChatClient {
  /** Subscribes to the conversation's channel and loads its latest messages; resolves once they are loaded. */
  open(conversationId: string): Promise<void>;
  /** Stops following a conversation and forgets its messages. */
  close(conversationId: string): void;
  /** The messages held for a conversation, oldest first; a new array after every change. */
  messages(conversationId: string): readonly MessagePayload[];
  /** Whether older messages than the first one held exist on the server. */
  hasOlder(conversationId: string): boolean;
  /** Loads one page of older messages (for scrolling back through history). */
  loadOlder(conversationId: string): Promise<void>;
  /** Fetches everything after the last message held (what reconnects do by themselves). */
  sync(conversationId: string): Promise<void>;
  /** Marks the other side's messages up to this id (the last one held by default) as read. */
  markRead(conversationId: string, upToMessageId?: number): Promise<void>;
  /** Calls `fn` with a conversation's list whenever it changes; returns the function that removes it. */
  onMessages(fn: MessagesListener): () => void;
  /** The same as onMessages. */
  onChange(fn: MessagesListener): () => void;
  /** Calls `fn` when a background fetch or acknowledgement fails (they are retried on the next reconnect). */
  onError(fn: (error: Error) => void): () => void;
  /** Closes every conversation and stops listening to the connector (the connector itself stays up). */
  dispose(): void;
}

type Page = { messages: MessagePayload[]; hasMore: boolean; nextCursor: number | null };

type Conversation = {
  id: string;
  byId: Map<number, MessagePayload>;
  list: readonly MessagePayload[];
  hasOlder: boolean;
  unbind: (() => void)[];
  /** The running sync, and whether another must follow it (something changed while it ran). */
  syncing: Promise<void> | null;
  syncAgain: boolean;
  /**
   * The next sync also re-reads the newest page: status changes (delivered,
   * read) of messages already held travel only as events, so the ones sent
   * while the channel was not subscribed are fetched back this way.
   */
  refreshStatuses: boolean;
  /** Ids whose delivery acknowledgement is on its way. */
  acking: Set<number>;
};

const STATUS_RANK: Record<MessageStatus, number> = { failed: 0, sent: 0, delivered: 1, read: 2 };
const MAX_ACK_IDS = 200;

export function createChatClient(options: ChatClientOptions): ChatClient {
  const { connector, auth } = options;
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 100));
  /** Whose messages this client acknowledges: everyone's but its own side's. */
  const isOtherSide = (message: MessagePayload) =>
    auth === 'admin-cookie' ? message.senderType === 'visitor' : message.senderType !== 'visitor';

  const conversations = new Map<string, Conversation>();
  const listeners = new Set<MessagesListener>();
  const errorListeners = new Set<(error: Error) => void>();
  let wasConnected = connector.state === 'connected';
  let disposed = false;

  function reportError(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (errorListeners.size === 0) console.error('chat client:', failure);
    for (const listener of [...errorListeners]) listener(failure);
  }

  const request = <T>(path: string, init: { body?: unknown } = {}) =>
    callApi<T>(path, { ...init, baseUrl, fetch: options.fetch, sessionToken: auth === 'admin-cookie' ? undefined : auth.sessionToken });

  function fetchPage(conversationId: string, cursor: { after?: number; before?: number }): Promise<Page> {
    const query = new URLSearchParams({ conversationId, limit: String(pageSize) });
    if (cursor.after !== undefined) query.set('after', String(cursor.after));
    if (cursor.before !== undefined) query.set('before', String(cursor.before));
    return request<Page>(`/api/chat/messages?${query}`);
  }

  function notify(conversation: Conversation): void {
    conversation.list = [...conversation.byId.values()].sort((a, b) => a.id - b.id);
    for (const listener of [...listeners]) {
      try {
        listener(conversation.id, conversation.list);
      } catch (error) {
        console.error('chat client: a listener threw', error);
      }
    }
  }

  /**
   * Adds new messages and raises statuses (never lowers them: a late event
   * may carry an older one). An admin hears of a message twice, as the
   * visitor's copy on the conversation channel and in full in the alert,
   * in either order: what either copy knows is kept.
   */
  function merge(conversation: Conversation, incoming: MessagePayload[]): boolean {
    let changed = false;
    for (const message of incoming) {
      if (message.conversationId !== conversation.id) continue;
      const known = conversation.byId.get(message.id);
      if (!known) {
        conversation.byId.set(message.id, message);
        changed = true;
        continue;
      }
      const raised = STATUS_RANK[message.status] > STATUS_RANK[known.status];
      const richer = Object.keys(message.metadata ?? {}).some((key) => !(key in (known.metadata ?? {}))) || (known.senderId === null && message.senderId !== null);
      if (raised || richer) {
        conversation.byId.set(message.id, {
          ...known,
          status: raised ? message.status : known.status,
          senderId: known.senderId ?? message.senderId,
          metadata: known.metadata || message.metadata ? { ...message.metadata, ...known.metadata } : null,
        });
        changed = true;
      }
    }
    return changed;
  }

  function setStatus(conversation: Conversation, ids: number[], status: MessageStatus): boolean {
    let changed = false;
    for (const id of ids) {
      const known = conversation.byId.get(id);
      if (known && STATUS_RANK[status] > STATUS_RANK[known.status]) {
        conversation.byId.set(id, { ...known, status });
        changed = true;
      }
    }
    return changed;
  }

  /** Tells the server which of the other side's messages reached this client; retried after reconnects. */
  function acknowledge(conversation: Conversation): void {
    const ids = conversation.list
      .filter((message) => isOtherSide(message) && message.status === 'sent' && !conversation.acking.has(message.id))
      .map((message) => message.id);
    for (let start = 0; start < ids.length; start += MAX_ACK_IDS) {
      const chunk = ids.slice(start, start + MAX_ACK_IDS);
      for (const id of chunk) conversation.acking.add(id);
      connector
        .acknowledgeDelivered(conversation.id, chunk)
        .then((changed) => {
          if (conversations.get(conversation.id) === conversation && setStatus(conversation, changed, 'delivered')) notify(conversation);
        })
        // Cut off by a drop (or by dispose): the ids stay 'sent' and go again after the next reconnect.
        .catch((error: unknown) => {
          if (!disposed && connector.state === 'connected') reportError(error);
        })
        .finally(() => {
          for (const id of chunk) conversation.acking.delete(id);
        });
    }
  }

  function update(conversation: Conversation, changed: boolean): void {
    if (!changed || conversations.get(conversation.id) !== conversation) return;
    notify(conversation);
    acknowledge(conversation);
  }

  async function runSync(conversation: Conversation): Promise<void> {
    const refresh = conversation.refreshStatuses;
    conversation.refreshStatuses = false;
    const firstLoad = conversation.byId.size === 0;
    if (firstLoad) {
      // First load: the latest page; older ones come with loadOlder().
      const page = await fetchPage(conversation.id, {});
      conversation.hasOlder = page.hasMore;
      update(conversation, merge(conversation, page.messages));
    }
    // Then everything after the last id held, page by page.
    for (;;) {
      if (conversations.get(conversation.id) !== conversation) return;
      const last = conversation.list.at(-1)?.id;
      const page = await fetchPage(conversation.id, last === undefined ? {} : { after: last });
      update(conversation, merge(conversation, page.messages));
      if (!page.hasMore || page.messages.length === 0) break;
    }
    // After a (re)subscription, the newest page again for the statuses it carries. Only now,
    // with no gap left before it: merging it earlier would skip the messages in between.
    if (refresh && !firstLoad && conversations.get(conversation.id) === conversation) {
      update(conversation, merge(conversation, (await fetchPage(conversation.id, {})).messages));
    }
    // Acknowledgements that failed while offline go again now.
    acknowledge(conversation);
  }

  /** One sync at a time per conversation; a request during a sync runs another right after it. */
  function sync(conversation: Conversation, options: { refreshStatuses?: boolean } = {}): Promise<void> {
    if (options.refreshStatuses) conversation.refreshStatuses = true;
    if (conversation.syncing) {
      conversation.syncAgain = true;
      return conversation.syncing;
    }
    const run = async () => {
      try {
        do {
          conversation.syncAgain = false;
          await runSync(conversation);
        } while (conversation.syncAgain && conversations.get(conversation.id) === conversation);
      } finally {
        conversation.syncing = null;
      }
    };
    conversation.syncing = run();
    return conversation.syncing;
  }

  /** Fetches what was missed once the channel is subscribed again (events flow from then on, so no gap remains). */
  function syncWhenSubscribed(conversation: Conversation): void {
    const channel = connector.subscribe(conversationChannel(conversation.id));
    channel.whenSubscribed
      .catch(() => undefined)
      .then(() => (conversations.get(conversation.id) === conversation ? sync(conversation, { refreshStatuses: true }) : undefined))
      .catch(reportError);
  }

  const stopConnectionListener = connector.onConnectionChange((state) => {
    if (state !== 'connected') return;
    if (wasConnected) for (const conversation of conversations.values()) syncWhenSubscribed(conversation);
    wasConnected = true;
  });

  function find(conversationId: string): Conversation | undefined {
    return conversations.get(conversationId);
  }

  const client: ChatClient = {
    async open(conversationId) {
      const existing = conversations.get(conversationId);
      if (existing) return sync(existing);
      const conversation: Conversation = {
        id: conversationId,
        byId: new Map(),
        list: [],
        hasOlder: false,
        unbind: [],
        syncing: null,
        syncAgain: false,
        refreshStatuses: false,
        acking: new Set(),
      };
      conversations.set(conversationId, conversation);
      const channel = connector.subscribe(conversationChannel(conversationId));
      conversation.unbind.push(
        channel.bind('new-message', (message: ServerEvents['new-message']) => update(conversation, merge(conversation, [message]))),
        channel.bind('message-status', (data: ServerEvents['message-status']) =>
          update(conversation, data.conversationId === conversationId && setStatus(conversation, data.messageIds, data.status)),
        ),
        channel.bind('message-read', (data: ServerEvents['message-read']) =>
          update(conversation, data.conversationId === conversationId && setStatus(conversation, data.messageIds, 'read')),
        ),
      );
      // The conversation channel carries the visitor's copy of each message; the admins' full one comes with the alert.
      // The inbox owns that channel's subscription, so closing a conversation only unbinds.
      if (auth === 'admin-cookie') {
        conversation.unbind.push(
          connector
            .subscribe(ADMIN_NOTIFICATIONS_CHANNEL)
            .bind('new-message-alert', ({ message }: ServerEvents['new-message-alert']) => update(conversation, merge(conversation, [message]))),
        );
      }
      // Load now (works without realtime), and again once subscribed, for whatever came in between.
      syncWhenSubscribed(conversation);
      return sync(conversation);
    },

    close(conversationId) {
      const conversation = conversations.get(conversationId);
      if (!conversation) return;
      conversations.delete(conversationId);
      for (const unbind of conversation.unbind) unbind();
      connector.unsubscribe(conversationChannel(conversationId));
    },

    messages: (conversationId) => find(conversationId)?.list ?? [],
    hasOlder: (conversationId) => find(conversationId)?.hasOlder ?? false,

    async loadOlder(conversationId) {
      const conversation = find(conversationId);
      const first = conversation?.list[0]?.id;
      if (!conversation || first === undefined || !conversation.hasOlder) return;
      const page = await fetchPage(conversationId, { before: first });
      conversation.hasOlder = page.hasMore;
      update(conversation, merge(conversation, page.messages));
    },

    async sync(conversationId) {
      const conversation = find(conversationId);
      if (conversation) await sync(conversation);
    },

    async markRead(conversationId, upToMessageId) {
      const conversation = find(conversationId);
      const upTo = upToMessageId ?? conversation?.list.at(-1)?.id;
      if (upTo === undefined) return;
      const result = await request<{ messageIds?: number[] }>('/api/chat/read', { body: { conversationId, upToMessageId: upTo } });
      if (conversation && Array.isArray(result?.messageIds)) update(conversation, setStatus(conversation, result.messageIds, 'read'));
    },

    onMessages(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    onChange: (fn) => client.onMessages(fn),
    onError(fn) {
      errorListeners.add(fn);
      return () => {
        errorListeners.delete(fn);
      };
    },

    dispose() {
      disposed = true;
      stopConnectionListener();
      for (const id of [...conversations.keys()]) client.close(id);
      listeners.clear();
      errorListeners.clear();
    },
  };
  return client;
}
