/*
 * The text side of the saved-reply picker: which `/word` the caret is in,
 * which replies it matches, and the box's text once one is chosen. Pure, so
 * the picker's behaviour is tested without a browser.
 */

/** What the picker needs of a saved reply. */
export type SavedReplyOption = { id: number; title: string; text: string; shortcut: string | null };

/** The `/word` being typed: `start` is the slash, `end` the end of the word, `query` what sits between the slash and the caret. */
export type SlashQuery = { start: number; end: number; query: string };

/** Most options the list shows at once: beyond that, typing one more letter is quicker than scrolling. */
export const MAX_PICKER_OPTIONS = 8;

/**
 * The slash word the caret is in, or null. The slash must start a word (the
 * box's start, or after a space or line break), so a URL or "and/or" never
 * opens the list.
 */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const match = /(?:^|\s)\/([^\s/]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1]!;
  // Only the word's letters after the caret are part of it: punctuation typed after it stays.
  const rest = /^[\p{L}\p{N}_-]*/u.exec(text.slice(caret))![0];
  return { start: caret - query.length - 1, end: caret + rest.length, query };
}

/** Case and accents do not matter: "/cafe" finds "Café hours". */
const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Lower is better; null is no match. A shortcut that starts with the query beats a title that merely contains it. */
function rankOf(reply: SavedReplyOption, query: string): number | null {
  const shortcut = reply.shortcut === null ? null : fold(reply.shortcut);
  const title = fold(reply.title);
  if (shortcut === query) return 0;
  if (shortcut?.startsWith(query)) return 1;
  if (title.startsWith(query)) return 2;
  const words = [...title.split(/[^\p{L}\p{N}]+/u), ...(shortcut?.split(/[-_]/) ?? [])];
  if (words.some((word) => word.startsWith(query))) return 3;
  if (shortcut?.includes(query) || title.includes(query)) return 4;
  return null;
}

/** The replies a query matches by shortcut and title, best first (ties keep the owner's order); all of them for a bare `/`. */
export function matchSavedReplies<T extends SavedReplyOption>(replies: readonly T[], query: string, limit = MAX_PICKER_OPTIONS): T[] {
  const folded = fold(query.trim());
  return replies
    .map((reply, index) => ({ reply, index, rank: folded === '' ? 0 : rankOf(reply, folded) }))
    .filter((entry): entry is { reply: T; index: number; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.reply);
}

/** The box's text with the slash word replaced by the reply's text, and where the caret goes: after it, ready for editing. */
export function insertSavedReply(text: string, at: SlashQuery, replyText: string): { text: string; caret: number } {
  const before = text.slice(0, at.start);
  const after = text.slice(at.end);
  return { text: `${before}${replyText}${after}`, caret: before.length + replyText.length };
}
