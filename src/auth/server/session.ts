import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { cache } from 'react';
import { isProduction } from '@/config/env';
import { getRepository } from '@/db';
import { AppError } from '@/http/errors';
import { assertSameOrigin } from '@/http/server/origin';
import { ok } from '@/http/server/response';
import { ADMIN_COOKIE } from '@/shared/names';
import { ADMIN_SESSION_SECONDS, adminTokenFromCookieHeader, signAdminToken, verifyAdminToken, type AdminSession } from './jwt';
import type { AdminUser } from './login';

export type { AdminSession } from './jwt';

const adminCookieOptions = {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: isProduction,
} as const;

/**
 * A valid signature is not enough: the account may have been deleted since
 * the token was issued. The name and email come from the database, so a
 * renamed admin sees the current ones.
 */
async function sessionForToken(token: string | undefined): Promise<AdminSession | null> {
  const claims = await verifyAdminToken(token);
  if (!claims) return null;
  const user = await getRepository().getUserById({ id: claims.userId });
  return user ? { userId: user.id, email: user.email, name: user.name } : null;
}

/**
 * The signed-in admin for server components, route handlers and server
 * actions, or null. Cached per request, so a layout and its page share one
 * database lookup.
 */
export const verifySession = cache(async (): Promise<AdminSession | null> => {
  const cookieStore = await cookies();
  return sessionForToken(cookieStore.get(ADMIN_COOKIE)?.value);
});

/**
 * Guards an admin route handler: refuses a foreign Origin on state-changing
 * methods (403), then anything but a live admin session (401).
 */
export async function requireAdmin(request: Request): Promise<AdminSession> {
  assertSameOrigin(request);
  const session = await sessionForToken(adminTokenFromCookieHeader(request.headers.get('cookie')));
  if (!session) throw new AppError('unauthorized:auth');
  return session;
}

/** The `{ user }` answer of login and setup, carrying a fresh session cookie. */
export async function signedInResponse(user: AdminUser): Promise<NextResponse> {
  const token = await signAdminToken({ userId: user.id, email: user.email, name: user.name });
  const response = ok({ user });
  response.cookies.set(ADMIN_COOKIE, token, { ...adminCookieOptions, maxAge: ADMIN_SESSION_SECONDS });
  return response;
}

export function signedOutResponse(): NextResponse {
  const response = ok({ signedOut: true });
  response.cookies.set(ADMIN_COOKIE, '', { ...adminCookieOptions, maxAge: 0 });
  return response;
}
