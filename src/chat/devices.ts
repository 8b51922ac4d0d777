/*
 * "Continue on another device", as both sides of the API see it
 * (src/chat/server/devices.ts makes them; the visitor's chat and the admin's
 * visitor details show them).
 */

/** The page that takes a device link. Its token travels in the fragment, so it never reaches a server log or a Referer. */
export const DEVICE_LINK_PATH = '/chat/continue';
export const DEVICE_LINK_MINUTES = 15;

export type DeviceLink = { url: string; qrSvg: string; expiresAt: string };

/** A browser the conversation is open in (one live visitor session). */
export type ConversationDevice = {
  id: number;
  /** "Chrome 131 on Android". */
  browser: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** The browser asking (only ever true for a visitor). */
  current: boolean;
};

export type ClaimedDevice = { sessionToken: string; conversationId: string; expiresAt: string };
