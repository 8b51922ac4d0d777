import type { ConversationPayload } from '@/realtime/channels';

/** How the inbox names a visitor who may not have given a name. */
export function visitorLabel(conversation: Pick<ConversationPayload, 'id' | 'visitorName' | 'visitorEmail'>): string {
  return conversation.visitorName || conversation.visitorEmail || `Visitor #${conversation.id.slice(0, 6)}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5m", "3h", "Tue", "12 Nov": short enough for a list row. */
export function shortTimeAgo(iso: string, now = Date.now()): string {
  const time = Date.parse(iso);
  const elapsed = Math.max(0, now - time);
  if (elapsed < MINUTE) return 'now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)}h`;
  if (elapsed < 7 * DAY) return new Date(time).toLocaleDateString('en', { weekday: 'short' });
  return new Date(time).toLocaleDateString('en', { day: 'numeric', month: 'short' });
}

/** A full date and time for tooltips and the visitor panel. */
export function fullDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A message as one line of plain text for a list preview: Markdown marks and line breaks dropped. */
export function previewText(markdown: string): string {
  return markdown
    .replace(/^\s{0,3}(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/gm, '')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How the visitor panel shows a stored page URL, or null when it is not a web
 * link (shown as text then). New sessions store a path on this site, labelled
 * by that path; anything absolute (stored before paths were kept, or written
 * to the database by hand) is labelled with its host, so a link that leaves
 * the site always says where it goes.
 */
export function pageLinkOf(url: string): { href: string; label: string } | null {
  if (/^\/(?![/\\])/.test(url)) return { href: url, label: url };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return { href: parsed.href, label: `${parsed.host}${parsed.pathname}${parsed.search}` };
}
