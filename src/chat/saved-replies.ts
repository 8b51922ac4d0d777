/*
 * Saved replies as both sides of the API see them (src/chat/server/saved-replies.ts
 * keeps them; the settings page manages them and the admin's reply box offers
 * them behind `/`).
 */

export const SAVED_REPLY_LIMITS = { title: 100, text: 4000, shortcut: 32, count: 200 } as const;

/** A shortcut as stored and sent: what follows the `/` typed in the reply box. */
export const SAVED_REPLY_SHORTCUT_PATTERN = /^[a-z0-9_-]{1,32}$/;

export type SavedReply = {
  id: number;
  title: string;
  /** Markdown, as a message is. */
  text: string;
  shortcut: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The export file, and what the import takes back. */
export const SAVED_REPLIES_FILE_VERSION = 1;
export type SavedRepliesFile = {
  version: typeof SAVED_REPLIES_FILE_VERSION;
  exportedAt: string;
  replies: { title: string; text: string; shortcut: string | null }[];
};

export type SavedRepliesImportResult = { created: number; updated: number; unchanged: number };
