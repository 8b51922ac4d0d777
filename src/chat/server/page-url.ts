import { isSameSiteOrigin } from '@/http/server/origin';

/**
 * The part of a visitor's reported page URL worth keeping: on this site
 * (the host the request came to, or PUBLIC_URL), its path and query; on a
 * site allowed to embed the chat (`embedOrigins`), the whole URL without
 * the fragment, since the inbox must say which site it was. A page anywhere
 * else is dropped, so a visitor cannot plant a foreign link in the owner's
 * inbox; leading slashes are collapsed so a stored path can never read as a
 * protocol-relative `//host` link.
 */
export function storablePageUrl(pageUrl: string | null | undefined, host: string | null, embedOrigins: readonly string[]): string | undefined {
  if (!pageUrl) return undefined;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const path = `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
  if (isSameSiteOrigin(url.origin, host)) return path;
  return embedOrigins.includes(url.origin) ? `${url.origin}${path}` : undefined;
}
