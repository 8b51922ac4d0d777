const FALLBACK = '/admin';
const ORIGIN_PROBE = 'http://tanya.invalid';
const SIGN_IN_PAGES = ['/admin/login', '/admin/setup'];

/**
 * Where to send an admin after signing in: `next` only when it is a path on
 * this site. Anything that resolves elsewhere (`//evil.example`,
 * `/\evil.example`, `https://…`) falls back to the dashboard, so the login
 * link cannot become an open redirect. The sign-in pages themselves are
 * refused too: a signed-in admin sent back to them would loop.
 */
export function safeNextPath(next: string | string[] | undefined): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return FALLBACK;
  let url: URL;
  try {
    url = new URL(next, ORIGIN_PROBE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== ORIGIN_PROBE || SIGN_IN_PAGES.includes(url.pathname)) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
