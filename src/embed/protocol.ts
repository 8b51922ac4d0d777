import { z } from 'zod';

/*
 * What the loader on the host page (embed.js) and the chat in its iframe
 * (/embed/chat) say to each other through postMessage. Every message carries
 * the channel name and the protocol version, so a page's other messages, and
 * a loader and chat of different releases, never mistake each other's.
 * Each side also checks event.origin and event.source before reading one.
 */

export const EMBED_CHANNEL = 'tanya-embed';
export const EMBED_PROTOCOL_VERSION = 1;
/** The chat page the loader frames. */
export const EMBED_CHAT_PATH = '/embed/chat';

const envelope = { channel: z.literal(EMBED_CHANNEL), version: z.literal(EMBED_PROTOCOL_VERSION) };

/** The host page to the chat. */
export const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('open') }),
  z.object({ ...envelope, type: z.literal('close') }),
  // Tanya.setVisitor(): the visitor's optional profile, as if they had typed it into the chat's own prompt.
  z.object({
    ...envelope,
    type: z.literal('visitor'),
    name: z.string().trim().max(100).optional().catch(undefined),
    email: z.email().max(255).optional().catch(undefined),
  }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** The chat to the host page. */
export type ChatMessage =
  | { type: 'ready' }
  | { type: 'close' }
  | { type: 'unread'; count: number }
  /** Whether this browser has a conversation: the loader then connects at once on the next page, for the badge. */
  | { type: 'conversation'; active: boolean };

export function embedMessage<T extends ChatMessage>(message: T): T & { channel: typeof EMBED_CHANNEL; version: typeof EMBED_PROTOCOL_VERSION } {
  return { channel: EMBED_CHANNEL, version: EMBED_PROTOCOL_VERSION, ...message };
}

/** The query the loader puts on the iframe's URL. */
export const EMBED_QUERY = { host: 'host', page: 'page', lang: 'lang', color: 'color' } as const;
