import { NextResponse, type NextRequest } from 'next/server';
import { adminSessionForToken } from '@/auth/server/admin-sessions';
import { env } from '@/config/env';
import { EMBED_ORIGIN_HEADER, embedChatFraming } from '@/embed/server/allow-list';
import { answerApiCors } from '@/embed/server/cors';
import { EMBED_CHAT_PATH, EMBED_QUERY } from '@/embed/protocol';
import { contentSecurityPolicy, createNonce, realtimeConnectSources, type Framing, type RealtimeTarget } from '@/http/server/csp';
import { ADMIN_COOKIE } from '@/shared/names';

const PUBLIC_ADMIN_PAGES = ['/admin/login', '/admin/setup', '/admin/invite'];

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

/** Admin pages are never framed; the embedded chat by the sites on the allow-list (see embedChatFraming); the rest by this site. */
async function framingFor(request: NextRequest, requestHeaders: Headers): Promise<Framing> {
  const { pathname, searchParams } = request.nextUrl;
  // Whatever a client sent under this name: only the decision made here reaches the page.
  requestHeaders.delete(EMBED_ORIGIN_HEADER);
  if (isAdminPage(pathname)) return 'none';
  if (pathname !== EMBED_CHAT_PATH) return 'self';
  const { embeddingOrigin, frameAncestors } = await embedChatFraming({
    host: searchParams.get(EMBED_QUERY.host),
    referer: request.headers.get('referer'),
  });
  if (embeddingOrigin) requestHeaders.set(EMBED_ORIGIN_HEADER, embeddingOrigin);
  return frameAncestors;
}

/**
 * Turns visitors without a live admin session (signed cookie, session still
 * open) away from admin pages before anything renders, keeping where they were
 * going. This is a courtesy, not the guard: the dashboard layout and every
 * admin handler check the session themselves. It also gives every page its
 * own CSP nonce; Next reads the nonce from the request's CSP header and puts
 * it on its own scripts. API requests get only their CORS answer (cors.ts).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/api/')) return answerApiCors(request);
  const adminPage = isAdminPage(pathname);

  if (adminPage && !isPublicAdminPage(pathname) && !(await adminSessionForToken(request.cookies.get(ADMIN_COOKIE)?.value))) {
    const loginUrl = new URL('/admin/login', request.url);
    loginUrl.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(loginUrl);
  }

  const nonce = createNonce();
  const requestHeaders = new Headers(request.headers);
  const policy = contentSecurityPolicy({
    nonce,
    framing: await framingFor(request, requestHeaders),
    development: env.NODE_ENV === 'development',
    realtimeSources: realtimeConnectSources(realtimeTarget(request)),
    turnstile: env.CHAT_BOT_GATE === 'turnstile',
  });
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // API routes answer JSON and guard themselves (the visitor's half needs its CORS answer); static assets need no policy.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|embed\\.js).*)', '/api/chat/:path*', '/api/pusher/auth', '/api/pusher/user-auth'],
};
