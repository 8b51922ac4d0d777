import type { ClientEventName, ClientEvents, PresenceMember, ServerEventName, ServerEvents } from './channels';

/*
 * The wire protocol between the browser connector and the embedded realtime
 * server, with no transport import: both ends (and the tests) type their
 * Socket.IO generics with these maps.
 */

export const REALTIME_PATH = '/socket.io/';

/** Subscribing to the presence channel also answers with who is in it. */
export type SubscribeAck = { ok: true; members?: PresenceMember[] } | { ok: false; error: string };
export type UnsubscribeAck = { ok: true } | { ok: false; error: string };
export type DeliveredAck = { ok: true; messageIds: number[] } | { ok: false; error: string };

export type ClientEventEnvelope<E extends ClientEventName = ClientEventName> = { channel: string; event: E; data: ClientEvents[E] };

/** Server → client: every event carries the channel it was published on first. */
export type ServerToClientEvents = {
  [E in ServerEventName | ClientEventName]: (
    channel: string,
    data: E extends ServerEventName ? ServerEvents[E] : E extends ClientEventName ? ClientEvents[E] : never,
  ) => void;
};

/** Client → server. */
export type ClientToServerEvents = {
  subscribe: (channel: string, ack: (answer: SubscribeAck) => void) => void;
  unsubscribe: (channel: string, ack: (answer: UnsubscribeAck) => void) => void;
  'client-event': (envelope: ClientEventEnvelope) => void;
  'message:delivered': (input: { conversationId: string; messageIds: number[] }, ack?: (answer: DeliveredAck) => void) => void;
  'presence:admins-online': (ack: (answer: { online: boolean }) => void) => void;
};

/** The error message a refused handshake carries (`connect_error`). */
export const UNAUTHORIZED = 'unauthorized';
