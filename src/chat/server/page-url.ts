import { isSameSiteOrigin } from '@/http/server/origin';

/**
 * The part of a visitor's reported page URL worth keeping: its path and
 * query on this site (the host the request came to, or PUBLIC_URL). A page
 * anywhere else is dropped, so a visitor cannot plant a foreign link in the
 * owner's inbox; leading slashes are collapsed so the stored path can never
 * read as a protocol-relative `//host` link.
 */
export function sitePagePath(pageUrl: string | null | undefined, host: string | null): string | undefined {
  if (!pageUrl) return undefined;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isSameSiteOrigin(url.origin, host)) return undefined;
  return `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
}
