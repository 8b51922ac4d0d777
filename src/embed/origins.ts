/*
 * The sites allowed to embed the chat, as web origins (scheme, host, port).
 * One parser for the EMBED_ORIGINS variable and the owner's setting, so both
 * accept and refuse exactly the same entries: an origin is compared with
 * what browsers send in `Origin` and list in `frame-ancestors`, so anything
 * with a path, a query or credentials would never match and is refused
 * rather than silently dropped.
 */

export const MAX_EMBED_ORIGINS = 50;

/** `https://example.com` (the same text a browser sends), or the reason the entry is not an origin. */
export function parseEmbedOrigin(entry: string): { origin: string } | { error: string } {
  const text = entry.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `"${text}" is not an origin: write it like https://example.com` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `"${text}" must start with https:// (or http://)` };
  if (url.username || url.password) return { error: `"${text}" must not contain a user name or password` };
  if (url.pathname !== '/' || url.search || url.hash) {
    return { error: `"${text}" must be an origin alone, without a path: ${url.origin}` };
  }
  return { origin: url.origin };
}

/** Every entry parsed, duplicates removed, in the given order; the errors, one per refused entry. */
export function parseEmbedOrigins(entries: readonly string[]): { origins: string[]; errors: string[] } {
  const origins: string[] = [];
  const errors: string[] = [];
  for (const entry of entries) {
    if (!entry.trim()) continue;
    const parsed = parseEmbedOrigin(entry);
    if ('error' in parsed) errors.push(parsed.error);
    else if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  if (origins.length > MAX_EMBED_ORIGINS) errors.push(`List at most ${MAX_EMBED_ORIGINS} sites.`);
  return { origins, errors };
}
