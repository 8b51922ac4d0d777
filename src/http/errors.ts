/**
 * One error type for the whole app. A code is `<kind>:<surface>`; the HTTP
 * status comes from the kind, the user-facing text from the code unless the
 * thrower supplies a more specific one. HTTP answers and the `message:send`
 * ack carry the code as it is; the other Socket.IO acks carry the words
 * src/realtime/protocol.ts lists for its kind.
 */
const statusByKind = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A single-use or short-lived thing (a device link) that was valid once and is no more. */
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limit: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorKind = keyof typeof statusByKind;

/** What a code is about: a closed list, so a misspelt surface fails the type check instead of reaching a client. */
export type ErrorSurface =
  | 'ai'
  | 'ai_budget'
  /** An AI reply asked for again ("Ask AI" twice). */
  | 'ai_reply'
  | 'auth'
  | 'body'
  /** The proof-of-work / Turnstile check a new chat session passes. */
  | 'bot_gate'
  | 'channel'
  | 'conversation'
  | 'credentials'
  | 'database'
  /** A visitor's devices on a conversation: the "continue on another device" link, signing a device out. */
  | 'device'
  | 'json'
  /** A signed link from an e-mail (continue the chat, unsubscribe): expired, altered or for something else. */
  | 'link'
  | 'login'
  | 'message'
  | 'origin'
  /** A request path that cannot be percent-decoded. */
  | 'path'
  /** The visitor's rating of a resolved conversation. */
  | 'rating'
  | 'realtime'
  /** The browser client's own: an answer that was not the API's JSON. */
  | 'response'
  /** The owner's saved replies (the `/` picker in the reply box, their export and import). */
  | 'saved_reply'
  | 'server'
  /** A question the assistant handed over (the inbox's Unanswered tab). */
  | 'unanswered'
  /** An image sent in the chat. */
  | 'upload'
  | 'session'
  | 'setup'
  /** The team of admins: invitations, removal. */
  | 'team'
  | 'validation'
  | 'webhook';

export type ErrorCode = `${ErrorKind}:${ErrorSurface}`;

export const kindOf = (code: ErrorCode): ErrorKind => code.split(':')[0] as ErrorKind;

/** The HTTP status a code is answered with (also how the browser reads a code a socket ack carried). */
export const statusOf = (code: ErrorCode): number => statusByKind[kindOf(code)] ?? 500;

const defaultMessages: Partial<Record<ErrorKind, string>> = {
  bad_request: 'The request is not valid.',
  unauthorized: 'You need to sign in.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'Not found.',
  conflict: 'That conflicts with the current state.',
  gone: 'That is no longer available.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Send the body as application/json.',
  rate_limit: 'Too many requests. Try again shortly.',
  unavailable: 'The service is temporarily unavailable.',
  internal: 'Something went wrong on our side.',
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldErrors;
  /** Seconds, for 429 and 503 answers. */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, options: { message?: string; fields?: FieldErrors; retryAfter?: number } = {}) {
    const kind = kindOf(code);
    super(options.message ?? defaultMessages[kind] ?? 'Request failed.');
    this.code = code;
    this.status = statusOf(code);
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }
}

/** Retry-After as answers state it, in whole seconds and at least one: the HTTP header, and ×1000 a socket ack's `retryAfterMs`. */
export function retryAfterSecondsOf(error: AppError): number | undefined {
  return error.retryAfter === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfter));
}
