import { NextResponse, type NextRequest } from 'next/server';
import { adminSessionForToken } from '@/auth/server/admin-sessions';
import { env } from '@/config/env';
import { contentSecurityPolicy, createNonce, realtimeConnectSources, type RealtimeTarget } from '@/http/server/csp';
import { ADMIN_COOKIE } from '@/shared/names';

const PUBLIC_ADMIN_PAGES = ['/admin/login', '/admin/setup'];

/** Where this page's realtime connection goes: see realtimeConnectSources. */
function realtimeTarget(request: NextRequest): RealtimeTarget {
  if (env.REALTIME_DRIVER === 'pusher') {
    return { driver: 'pusher', useTls: env.PUSHER_USE_TLS, host: env.PUSHER_HOST, port: env.PUSHER_PORT, cluster: env.PUSHER_CLUSTER };
  }
  // Behind a trusted proxy that terminates TLS the request arrives as http: the page itself is on the proxy's scheme.
  const forwardedProto = env.TRUST_PROXY > 0 ? request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const scheme = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : request.nextUrl.protocol.slice(0, -1);
  const host = request.headers.get('host') ?? request.nextUrl.host;
  return { driver: 'socket.io', pageOrigins: [`${scheme}://${host}`, ...(env.PUBLIC_URL ? [env.PUBLIC_URL] : [])] };
}

const isAdminPage = (pathname: string) => pathname === '/admin' || pathname.startsWith('/admin/');
const isPublicAdminPage = (pathname: string) =>
  PUBLIC_ADMIN_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));

/**
 * Turns visitors without a live admin session (signed cookie, session still
 * open) away from admin pages before anything renders, keeping where they were
 * going. This is a courtesy, not the guard: the dashboard layout and every
 * admin handler check the session themselves. It also gives every page its
 * own CSP nonce; Next reads the nonce from the request's CSP header and puts
 * it on its own scripts.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const adminPage = isAdminPage(pathname);

  if (adminPage && !isPublicAdminPage(pathname) && !(await adminSessionForToken(request.cookies.get(ADMIN_COOKIE)?.value))) {
    const loginUrl = new URL('/admin/login', request.url);
    loginUrl.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(loginUrl);
  }

  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    framing: adminPage ? 'none' : 'self',
    development: env.NODE_ENV === 'development',
    realtimeSources: realtimeConnectSources(realtimeTarget(request)),
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
