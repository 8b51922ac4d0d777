import Pusher, { type Channel as PusherChannel, type ChannelAuthorizationHandler, type Members, type UserAuthenticationHandler } from 'pusher-js';
import { SESSION_TOKEN_HEADER } from '@/shared/names';
import type { PresenceMember } from '../channels';
import { ChannelState, ConnectionStateTracker, type ConnectionState, type RealtimeConnector } from './connector';

/** The public half of a Pusher app's settings (the secret stays on the server), plus who this client is. */
export type PusherConnectorOptions = {
  key: string;
  /** Pusher Channels' cluster (e.g. `eu`), or `host` (and `port`) for a self-hosted Pusher-protocol server. */
  cluster?: string;
  host?: string;
  port?: number;
  /** WebSocket over TLS (wss); off only for a local server without a certificate. */
  forceTLS?: boolean;
  /** The site's origin for the authorization and acknowledgement calls; the page's own when left out. */
  url?: string;
  /** A visitor's session token, sent in a header (never in a URL); admins are recognised by their cookie. */
  sessionToken?: string | (() => string | undefined);
  /** For non-browser hosts (tests add the admin cookie with it); the global fetch by default. */
  fetch?: typeof fetch;
};

/** pusher-js's connection states mapped onto the one union; `everConnected` tells a first attempt from a reconnect. */
export function connectionStateOf(pusherState: string, everConnected: boolean): ConnectionState {
  switch (pusherState) {
    case 'connected':
      return 'connected';
    // pusher-js keeps retrying from 'unavailable' by itself.
    case 'initialized':
    case 'connecting':
    case 'unavailable':
      return everConnected ? 'reconnecting' : 'connecting';
    // 'failed': no transport this browser supports; 'disconnected': closed on purpose.
    default:
      return 'disconnected';
  }
}

const toPresenceMember = (member: { id: string; info?: { name?: unknown } }): PresenceMember => ({
  id: String(member.id),
  name: typeof member.info?.name === 'string' ? member.info.name : '',
});

function membersOf(members: Members): PresenceMember[] {
  const list: PresenceMember[] = [];
  members.each((member: { id: string; info?: { name?: unknown } }) => list.push(toPresenceMember(member)));
  return list;
}

/**
 * Pusher Channels (or Soketi) behind the connector facade. Subscriptions to
 * private and presence channels are signed by POST /api/pusher/auth, the
 * connection's user by POST /api/pusher/user-auth; client
 * events travel as Pusher `client-` events; acknowledgements and the
 * admins-online question go over HTTP, since Pusher has no server of ours to
 * answer them.
 */
export function createPusherConnector(options: PusherConnectorOptions): RealtimeConnector {
  const baseUrl = (options.url ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    const token = typeof options.sessionToken === 'function' ? options.sessionToken() : options.sessionToken;
    return { accept: 'application/json', ...extra, ...(token ? { [SESSION_TOKEN_HEADER]: token } : {}) };
  }

  async function request<T>(path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<T> {
    const response = await doFetch(`${baseUrl}${path}`, {
      method: init.method,
      headers: headers(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
    const answer = (await response.json().catch(() => null)) as { success?: boolean; data?: T } | null;
    if (!response.ok || !answer?.success) throw new Error(`${path} answered ${response.status}`);
    return answer.data as T;
  }

  /** A signature from one of the site's Pusher endpoints, posted form-encoded as pusher-js would post it. */
  function sign<T>(path: string, fields: Record<string, string>, callback: (error: Error | null, data: T | null) => void): void {
    doFetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams(fields).toString(),
      credentials: 'same-origin',
    })
      .then(async (response) => {
        // The message becomes the refusal reason, the same words the Socket.IO path answers with.
        if (!response.ok) throw new Error(response.status === 403 ? 'forbidden' : `authorization failed (${response.status})`);
        callback(null, (await response.json()) as T);
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
  }

  const authorize: ChannelAuthorizationHandler = ({ socketId, channelName }, callback) =>
    sign('/api/pusher/auth', { socket_id: socketId, channel_name: channelName }, callback);
  const authenticate: UserAuthenticationHandler = ({ socketId }, callback) => sign('/api/pusher/user-auth', { socket_id: socketId }, callback);

  const pusher = new Pusher(options.key, {
    cluster: options.cluster ?? '',
    ...(options.host ? { wsHost: options.host, ...(options.port ? { wsPort: options.port, wssPort: options.port } : {}) } : {}),
    forceTLS: options.forceTLS ?? true,
    // WebSocket only: the HTTP fallbacks would need script and connect sources the site's CSP does not allow.
    enabledTransports: ['ws', 'wss'],
    channelAuthorization: { customHandler: authorize },
    userAuthentication: { customHandler: authenticate },
  });
  // Signed in as its visitor session or admin (again after each reconnect), so the server can end this connection
  // when the session is signed out or the admin removed: Pusher then closes it with 4009 and pusher-js stays closed.
  pusher.signin();

  const channels = new Map<string, { state: ChannelState; channel: PusherChannel }>();
  const connection = new ConnectionStateTracker();
  let everConnected = false;

  pusher.connection.bind('state_change', ({ current }: { previous: string; current: string }) => {
    if (current === 'connected') everConnected = true;
    const next = connectionStateOf(current, everConnected);
    if (next === connection.current) return;
    // pusher-js subscribes every channel again after a reconnect: each gets a new pending attempt.
    if (connection.current === 'connected') for (const { state: channel } of channels.values()) channel.reset();
    connection.set(next);
  });

  function follow(name: string): { state: ChannelState; channel: PusherChannel } {
    const channelState = new ChannelState(name);
    const channel = pusher.subscribe(name);
    channel.bind('pusher:subscription_succeeded', (members?: Members) => {
      channelState.subscribed(name.startsWith('presence-') && members ? membersOf(members) : undefined);
    });
    channel.bind('pusher:subscription_error', (error: { error?: string }) => channelState.refused(error?.error ?? 'authorization failed'));
    channel.bind('pusher:member_added', (member: { id: string; info?: { name?: unknown } }) =>
      channelState.dispatch('member-added', toPresenceMember(member)),
    );
    channel.bind('pusher:member_removed', (member: { id: string; info?: { name?: unknown } }) =>
      channelState.dispatch('member-removed', toPresenceMember(member)),
    );
    channel.bind_global((event: string, data: unknown) => {
      if (!event.startsWith('pusher:') && !event.startsWith('pusher_internal:')) channelState.dispatch(event, data);
    });
    return { state: channelState, channel };
  }

  return {
    get state() {
      return connection.current;
    },
    subscribe(name) {
      let entry = channels.get(name);
      if (!entry) {
        entry = follow(name);
        channels.set(name, entry);
      }
      return entry.state;
    },
    unsubscribe(name) {
      const entry = channels.get(name);
      if (!entry) return;
      channels.delete(name);
      // pusher-js hands the same channel object back if it is subscribed again before the server confirmed leaving.
      entry.channel.unbind_all();
      pusher.unsubscribe(name);
    },
    trigger(name, event, data) {
      const channel = channels.get(name)?.channel;
      if (connection.current === 'connected' && channel?.subscribed) channel.trigger(event, data);
    },
    onConnectionChange: (fn) => connection.onChange(fn),
    async acknowledgeDelivered(conversationId, messageIds) {
      if (messageIds.length === 0) return [];
      const answer = await request<{ messageIds: number[] }>('/api/chat/delivered', { method: 'POST', body: { conversationId, messageIds } });
      return answer.messageIds;
    },
    // Pusher relays only client events between members: sends go to the chat API.
    sendMessage: async () => null,
    async adminsOnline() {
      return (await request<{ online: boolean }>('/api/pusher/presence', { method: 'GET' })).online;
    },
    disconnect() {
      channels.clear();
      pusher.disconnect();
    },
  };
}
