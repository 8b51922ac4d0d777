/*
 * The page the visitor is on, as the chat reports it when a session starts:
 * this page, or, in the chat embedded on another site (/embed/chat), the
 * host page the loader named. The server keeps it only for this site and
 * the sites allowed to embed the chat.
 */

let embeddingPageUrl: string | null = null;

/** Browser only: call it before the chat starts its session. */
export function reportEmbeddingPage(url: string): void {
  embeddingPageUrl = url;
}

export const visitorPageUrl = (): string => embeddingPageUrl ?? window.location.href;
