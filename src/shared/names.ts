/*
 * Names the browser and the server must spell the same way, in one place. Pure:
 * no imports, so either side (and the tests) may use it. Channel and event
 * names live beside their payload types in src/realtime/channels.ts, and the
 * Socket.IO path in src/realtime/protocol.ts.
 */

/** The header a visitor's requests carry their chat session token in (never a URL or cookie). */
export const SESSION_TOKEN_HEADER = 'x-session-token';

/** The httpOnly cookie holding the admin's session JWT. */
export const ADMIN_COOKIE = 'tanya_admin';

/** What the browser keeps in localStorage. */
export const STORAGE_KEYS = {
  locale: 'tanya.locale',
  theme: 'tanya.theme',
  sound: 'tanya.sound',
  chatSession: 'tanya.chat.session',
  chatProfile: 'tanya.chat.profile',
  chatOutbox: 'tanya.chat.outbox',
  /** The resolution (conversation and time) whose rating question the visitor put aside. */
  ratingDismissed: 'tanya.chat.rating-dismissed',
  /** On a site embedding the chat (embed.js): that this browser has a conversation there. A flag, never a token. */
  embedReturning: 'tanya.embed.returning',
} as const;
