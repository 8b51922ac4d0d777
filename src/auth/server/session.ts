import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { cache } from 'react';
import { isProduction } from '@/config/env';
import { AppError } from '@/http/errors';
import { assertSameOrigin } from '@/http/server/origin';
import { ok } from '@/http/server/response';
import { ADMIN_COOKIE } from '@/shared/names';
import { adminSessionForToken, openAdminSession } from './admin-sessions';
import { ADMIN_SESSION_SECONDS, adminTokenFromCookieHeader, type AdminSession } from './jwt';
import type { AdminUser } from './login';

export type { AdminSession } from './jwt';

const adminCookieOptions = {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: isProduction,
} as const;

/**
 * The signed-in admin for server components, route handlers and server
 * actions, or null (the session must still be open: see
 * adminSessionForToken). Cached per request, so a layout and its page share
 * one database lookup.
 */
export const verifySession = cache(async (): Promise<AdminSession | null> => {
  const cookieStore = await cookies();
  return adminSessionForToken(cookieStore.get(ADMIN_COOKIE)?.value);
});

/**
 * Guards an admin route handler: refuses a foreign Origin on state-changing
 * methods (403), then anything but a live admin session (401).
 */
export async function requireAdmin(request: Request): Promise<AdminSession> {
  assertSameOrigin(request);
  const session = await sessionFromRequest(request);
  if (!session) throw new AppError('unauthorized:auth');
  return session;
}

/** The live admin session a request's cookie names, or null; unlike requireAdmin it neither checks the Origin nor throws. */
export function sessionFromRequest(request: Request): Promise<AdminSession | null> {
  return adminSessionForToken(adminTokenFromCookieHeader(request.headers.get('cookie')));
}

/** The `{ user }` answer of login and setup, carrying a fresh session cookie. */
export async function signedInResponse(user: AdminUser): Promise<NextResponse> {
  const token = await openAdminSession(user);
  const response = ok({ user });
  response.cookies.set(ADMIN_COOKIE, token, { ...adminCookieOptions, maxAge: ADMIN_SESSION_SECONDS });
  return response;
}

export function signedOutResponse(): NextResponse {
  const response = ok({ signedOut: true });
  response.cookies.set(ADMIN_COOKIE, '', { ...adminCookieOptions, maxAge: 0 });
  return response;
}
