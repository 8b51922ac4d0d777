import type { ErrorCode, FieldErrors } from '@/http/errors';
import type { ClientEventName, ClientEvents, MessagePayload, PresenceMember, ServerEventName, ServerEvents } from './channels';

/*
 * The wire protocol between the browser connector and the embedded realtime
 * server, with no transport import: both ends (and the tests) type their
 * Socket.IO generics with these maps.
 */

export const REALTIME_PATH = '/socket.io/';

/**
 * Why the server refused a socket request: the app's error kinds
 * (src/http/errors.ts) in the words acks carry. `forbidden` also stands for
 * not found and signed out, so a refusal tells nothing about what exists.
 */
export type AckError = 'invalid channel' | 'invalid input' | 'forbidden' | 'server error';
export type AckFailure = { ok: false; error: AckError };

/** Subscribing to the presence channel also answers with who is in it. */
export type SubscribeAck = { ok: true; members?: PresenceMember[] } | AckFailure;
export type UnsubscribeAck = { ok: true } | AckFailure;
export type DeliveredAck = { ok: true; messageIds: number[] } | AckFailure;

/**
 * `message:send`: the body of POST /api/chat/send, checked by the same schema
 * (sendInputSchema). A visitor's conversation is its session's; an admin names
 * the one answered.
 */
export type MessageSendInput = {
  content: string;
  clientMessageId: string;
  conversationId?: string;
  visitorName?: string;
  visitorEmail?: string;
  /** An image uploaded for this message (POST /api/chat/uploads). */
  uploadId?: string;
};

/** A stored message as a send answers it, over HTTP (`data`) and in the ack alike. */
export type SentMessagePayload = MessagePayload & {
  /** The assistant will answer it (always false for the owner's replies). */
  aiResponsePending: boolean;
};

/**
 * The HTTP answer over the socket: `duplicate` is what 200 (instead of 201)
 * says there, a refusal carries the API's code, text and field errors, and a
 * rate limit how long to wait (what the Retry-After header says, in ms).
 */
export type MessageSendAck =
  | { ok: true; message: SentMessagePayload; conversationId: string; aiResponsePending: boolean; duplicate: boolean }
  | { ok: false; error: string; code: ErrorCode; fields?: FieldErrors; retryAfterMs?: number };

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
  'message:send': (input: MessageSendInput, ack: (answer: MessageSendAck) => void) => void;
  'presence:admins-online': (ack: (answer: { online: boolean }) => void) => void;
};

/** The error message a refused handshake carries (`connect_error`). */
export const UNAUTHORIZED = 'unauthorized';
