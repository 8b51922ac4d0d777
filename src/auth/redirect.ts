const FALLBACK = '/admin';
const ORIGIN_PROBE = 'http://tanya.invalid';
const SIGN_IN_PAGES = ['/admin/login', '/admin/setup'];
// Backslashes count as slashes to browsers and URL parsers; control characters are silently dropped by them.
const AMBIGUOUS = /[\\\u0000-\u001f\u007f]/;

/**
 * Where to send an admin after signing in: `next` only when it is a path on
 * this site. Anything that resolves elsewhere (`//evil.example`,
 * `/\evil.example`, `https://…`) falls back to the dashboard, so the login
 * link cannot become an open redirect. The check is made on the normalised
 * path, because `/admin/..//evil.example` and `/%2e%2e//x` only become
 * protocol-relative (`//evil.example`) once their dot segments are resolved,
 * and that normalised form is what the Location header carries. The sign-in
 * pages themselves are refused too: a signed-in admin sent back to them would
 * loop.
 */
export function safeNextPath(next: string | string[] | undefined): string {
  if (typeof next !== 'string' || !next.startsWith('/') || AMBIGUOUS.test(next)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(next, ORIGIN_PROBE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== ORIGIN_PROBE || url.pathname.startsWith('//') || SIGN_IN_PAGES.includes(url.pathname)) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
