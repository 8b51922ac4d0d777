import { NextResponse, type NextRequest } from 'next/server';
import { AppError } from '@/http/errors';
import { getClientIp } from '@/http/server/client-ip';
import { isSameSiteOrigin } from '@/http/server/origin';
import { fail } from '@/http/server/response';
import { logSecurityEvent } from '@/logger';
import { SESSION_TOKEN_HEADER } from '@/shared/names';
import { isEmbedOriginAllowed } from './allow-list';

/*
 * CORS for the visitor's half of the API, following the embed allow-list
 * exactly: a page on an allowed site may call it from its own origin, any
 * other origin gets no CORS answer (its browser keeps the response from it).
 * Visitors authenticate by their token header, never by a cookie, so no
 * credentials are ever allowed; the admin API answers no origin but its own.
 */

const VISITOR_API_PATHS = [
  '/api/chat/session',
  '/api/chat/challenge',
  '/api/chat/send',
  '/api/chat/messages',
  '/api/chat/read',
  '/api/chat/delivered',
  '/api/chat/resume',
  '/api/chat/devices',
  '/api/chat/rating',
  '/api/pusher/auth',
  '/api/pusher/user-auth',
];

const isVisitorApiPath = (pathname: string) => VISITOR_API_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));

const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': `content-type, ${SESSION_TOKEN_HEADER}`,
  'Access-Control-Max-Age': '600',
};

/** The proxy's answer for an API request: a preflight answered here, or the request passed on (with CORS headers when allowed). */
export async function answerApiCors(request: NextRequest): Promise<NextResponse> {
  const origin = request.headers.get('origin');
  const crossOrigin = origin !== null && !isSameSiteOrigin(origin, request.headers.get('host'));
  const allowed = crossOrigin && isVisitorApiPath(request.nextUrl.pathname) && (await isEmbedOriginAllowed(origin));
  const corsHeaders: Record<string, string> = allowed ? { 'Access-Control-Allow-Origin': origin!, Vary: 'Origin' } : { Vary: 'Origin' };
  if (request.method === 'OPTIONS' && crossOrigin) {
    if (!allowed) {
      logSecurityEvent('cross-origin API request refused', { ip: getClientIp(request), origin, path: request.nextUrl.pathname });
      return fail(new AppError('forbidden:origin', { message: 'This site is not allowed to use the chat. Its owner can add it to the chat settings.' }));
    }
    return new NextResponse(null, { status: 204, headers: { ...corsHeaders, ...PREFLIGHT_HEADERS } });
  }
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(corsHeaders)) response.headers.set(name, value);
  return response;
}
