import { readCurrentChatSettings } from '@/chat/server/settings-cache';
import { env } from '@/config/env';

/*
 * Which sites may embed the chat: the owner's list from the settings, or
 * EMBED_ORIGINS until the owner saves one. The iframe's frame-ancestors, the
 * API's and the realtime server's CORS answers and the stored page URLs all
 * read it here, so they follow the same list exactly.
 */

export async function readEmbedOrigins(): Promise<readonly string[]> {
  return (await readCurrentChatSettings()).embedOrigins ?? env.EMBED_ORIGINS;
}

/** Whether `origin` (as a browser sends it in `Origin`) is on the allow-list. */
export async function isEmbedOriginAllowed(origin: string | null | undefined): Promise<boolean> {
  if (!origin) return false;
  return (await readEmbedOrigins()).includes(origin);
}

/** The request header by which the proxy tells /embed/chat what it decided (see embedChatFraming); never taken from the client. */
export const EMBED_ORIGIN_HEADER = 'x-tanya-embed-origin';

export type EmbedChatFraming = {
  /** The page embedding the chat, when it is allowed to; null: show the page that says it is not. */
  embeddingOrigin: string | null;
  /** The page's frame-ancestors: the allow-list exactly, or anyone for the refusal, which holds nothing of the chat. */
  frameAncestors: readonly string[];
};

/**
 * Decided once per request of /embed/chat, by the proxy, so the policy and
 * the page rendered under it cannot disagree. The embedding page is the
 * origin the loader names (`host`), which must match the origin the browser
 * reports as the frame's referrer when it reports one; a page that lies
 * about its origin is still stopped by frame-ancestors.
 */
export async function embedChatFraming({ host, referer }: { host: string | null; referer: string | null }): Promise<EmbedChatFraming> {
  const refused: EmbedChatFraming = { embeddingOrigin: null, frameAncestors: ['*'] };
  if (!host || !URL.canParse(host)) return refused;
  const claimed = new URL(host).origin;
  if (referer && (!URL.canParse(referer) || new URL(referer).origin !== claimed)) return refused;
  const allowList = await readEmbedOrigins();
  return allowList.includes(claimed) ? { embeddingOrigin: claimed, frameAncestors: allowList } : refused;
}
