import { NextResponse, type NextRequest } from 'next/server';
import { ADMIN_COOKIE, verifyAdminToken } from '@/auth/server/jwt';
import { env } from '@/config/env';
import { contentSecurityPolicy, createNonce } from '@/http/server/csp';

const PUBLIC_ADMIN_PAGES = ['/admin/login', '/admin/setup'];

const isAdminPage = (pathname: string) => pathname === '/admin' || pathname.startsWith('/admin/');
const isPublicAdminPage = (pathname: string) =>
  PUBLIC_ADMIN_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));

/**
 * Turns visitors without a validly signed admin cookie away from admin pages
 * before anything renders. This is a courtesy, not the guard: the dashboard
 * layout and every admin handler check the session against the database
 * themselves. It also gives every page its own CSP nonce; Next reads the
 * nonce from the request's CSP header and puts it on its own scripts.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const adminPage = isAdminPage(pathname);

  if (adminPage && !isPublicAdminPage(pathname) && !(await verifyAdminToken(request.cookies.get(ADMIN_COOKIE)?.value))) {
    const loginUrl = new URL('/admin/login', request.url);
    loginUrl.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(loginUrl);
  }

  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    framing: adminPage ? 'none' : 'self',
    development: env.NODE_ENV === 'development',
    turnstile: env.CHAT_BOT_GATE === 'turnstile',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // API routes answer JSON and guard themselves; static assets need no policy.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
