import type { MessageMetadata } from '@/db/schema/types';

/*
 * A message as text, wherever text is expected (list previews, alerts, mails, transcripts, the assistant's
 * history): its own words, or "[image]" for a message that is only an image. Only an image makes a
 * message's content empty (src/chat/server/schemas.ts refuses an empty text otherwise).
 */

export const IMAGE_PLACEHOLDER = '[image]';

export type MessageImage = { id: string; width: number; height: number };

/** The image a message carries, from its metadata (set by the server when it stored the message). */
export function imageOf(metadata: MessageMetadata | null | undefined): MessageImage | null {
  const image = metadata?.image as Partial<MessageImage> | undefined;
  return image && typeof image.id === 'string' && typeof image.width === 'number' && typeof image.height === 'number'
    ? { id: image.id, width: image.width, height: image.height }
    : null;
}

export function messageText(content: string): string {
  return content.trim() === '' ? IMAGE_PLACEHOLDER : content;
}
