import type { ClientEventName, ClientEvents, PresenceMember, ServerEventName, ServerEvents } from '../channels';
import type { MessageSendAck, MessageSendInput } from '../protocol';

/*
 * The one realtime API the UI talks to (Laravel Echo's shape): a connector
 * chosen by configuration — Socket.IO now, Pusher later, or the null
 * connector — that hands out channels cached by their full name.
 */

/** Every vendor's connection states, mapped onto one small union. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export type ChannelEventName = ServerEventName | ClientEventName;
export type ChannelEventData<E extends ChannelEventName> = E extends ServerEventName
  ? ServerEvents[E]
  : E extends ClientEventName
    ? ClientEvents[E]
    : never;

export interface Channel {
  readonly name: string;
  /** Calls `fn` for every `event` published on this channel; returns the function that unbinds it. */
  bind<E extends ChannelEventName>(event: E, fn: (data: ChannelEventData<E>) => void): () => void;
  /**
   * Settles with the latest subscription attempt: resolves once the server
   * accepted it, rejects with the server's reason when refused. After a
   * reconnect the channel is subscribed again and this is a new promise.
   */
  readonly whenSubscribed: Promise<void>;
  /** For presence channels: who is in it (kept up to date by member-added/member-removed). */
  readonly members: readonly PresenceMember[];
}

export interface RealtimeConnector {
  readonly state: ConnectionState;
  /** The channel with this name, subscribing on first use; the same object on every call until unsubscribed. */
  subscribe(channel: string): Channel;
  unsubscribe(channel: string): void;
  /** Relays a client event to the other members of a channel this client is subscribed to; dropped while offline. */
  trigger<E extends ClientEventName>(channel: string, event: E, data: ClientEvents[E]): void;
  /** Calls `fn` on every state change (a change to 'connected' after a drop is the moment to fetch what was missed). */
  onConnectionChange(fn: (state: ConnectionState) => void): () => void;
  /** Tells the server these messages reached this client; resolves with the ids that changed to delivered. */
  acknowledgeDelivered(conversationId: string, messageIds: number[]): Promise<number[]>;
  /**
   * Sends a chat message over this connection: the server's answer (the
   * stored message or the refusal POST /api/chat/send would give), or null
   * when this connection carries no sends now (not connected, or a transport
   * whose sends go over HTTP only: Pusher, the null connector). Rejects when
   * the message went out but no answer came back (timeout, connection lost):
   * it may be stored, so it goes again with the same clientMessageId.
   */
  sendMessage(input: MessageSendInput): Promise<MessageSendAck | null>;
  /** Whether an admin is in the presence channel right now (visitors may ask, not join). */
  adminsOnline(): Promise<boolean>;
  disconnect(): void;
}

/** A connector's current state and who follows it; shared by the connector implementations. */
export class ConnectionStateTracker {
  private listeners = new Set<(state: ConnectionState) => void>();
  current: ConnectionState = 'connecting';

  /** Moves to `next` and tells every listener; false when it was the state already. */
  set(next: ConnectionState): boolean {
    if (next === this.current) return false;
    this.current = next;
    for (const listener of [...this.listeners]) listener(next);
    return true;
  }

  onChange(fn: (state: ConnectionState) => void): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }
}

/** A channel's event listeners and subscription promise; shared by the connector implementations. */
export class ChannelState implements Channel {
  private listeners = new Map<string, Set<(data: unknown) => void>>();
  private current: Promise<void> | undefined;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  private settled = false;
  members: PresenceMember[] = [];

  constructor(readonly name: string) {
    this.reset();
  }

  get whenSubscribed(): Promise<void> {
    return this.current!;
  }

  bind<E extends ChannelEventName>(event: E, fn: (data: ChannelEventData<E>) => void): () => void {
    const listener = fn as (data: unknown) => void;
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  }

  dispatch(event: string, data: unknown): void {
    if (event === 'member-added') {
      const member = data as PresenceMember;
      this.members = [...this.members.filter((known) => known.id !== member.id), member];
    } else if (event === 'member-removed') {
      this.members = this.members.filter((known) => known.id !== (data as PresenceMember).id);
    }
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(data);
      } catch (error) {
        console.error(`realtime: a listener for "${event}" on ${this.name} threw`, error);
      }
    }
  }

  /** A new pending subscription attempt (after a drop); the previous promise stays settled. */
  reset(): void {
    if (this.current && !this.settled) return;
    this.settled = false;
    this.current = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Nobody has to await it: a refusal must not become an unhandled rejection.
    this.current.catch(() => undefined);
  }

  subscribed(members?: PresenceMember[]): void {
    if (members) this.members = members;
    this.settled = true;
    this.settle.resolve();
  }

  refused(reason: string): void {
    this.settled = true;
    this.settle.reject(new Error(`subscription to ${this.name} refused: ${reason}`));
  }
}
