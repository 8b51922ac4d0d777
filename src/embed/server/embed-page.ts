import { z } from 'zod';
import { chatLanguages } from '@/db/schema/types';
import { MAX_PAGE_URL_LENGTH } from '@/chat/server/schemas';
import { EMBED_QUERY } from '../protocol';

/** What embed.js put on the iframe's URL; anything unusable is simply left out. */
const embedQuerySchema = z.object({
  [EMBED_QUERY.page]: z.string().max(MAX_PAGE_URL_LENGTH).optional().catch(undefined),
  [EMBED_QUERY.lang]: z.enum(chatLanguages).optional().catch(undefined),
  [EMBED_QUERY.color]: z
    .string()
    .regex(/^#(?:[0-9a-f]{3}){1,2}$/i)
    .optional()
    .catch(undefined),
});

export type EmbedChatPage =
  | { allowed: true; hostOrigin: string; pageUrl: string | null; locale: (typeof chatLanguages)[number] | null; accent: string | null }
  | { allowed: false };

/**
 * What /embed/chat shows: the chat, for a page the proxy found on the allow-list
 * (`embeddingOrigin`, see embedChatFraming), or nothing of it otherwise.
 */
export function embedChatPage(embeddingOrigin: string | null, searchParams: Record<string, string | string[] | undefined>): EmbedChatPage {
  if (!embeddingOrigin) return { allowed: false };
  const query = embedQuerySchema.parse(searchParams);
  return {
    allowed: true,
    hostOrigin: embeddingOrigin,
    pageUrl: query.page ?? null,
    locale: query.lang ?? null,
    accent: query.color ?? null,
  };
}
