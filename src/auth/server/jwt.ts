import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { ADMIN_COOKIE } from '@/shared/names';
import { getAuthSecret, getVerificationSecrets } from './secret';

/*
 * Admin sessions are HS256 JWTs in an httpOnly cookie, each naming its
 * session row by its JWT id (see admin-sessions.ts: a token counts only while
 * that row exists). This module has no Next.js dependency so the realtime
 * layer can verify the same cookie on a Socket.IO handshake.
 */

export const ADMIN_SESSION_SECONDS = 7 * 24 * 60 * 60;

const ISSUER = 'tanya';
const AUDIENCE = 'tanya';

export type AdminSession = { userId: number; email: string; name: string; sessionId: string };

const claimsSchema = z.object({
  sub: z.string().regex(/^[1-9]\d*$/),
  jti: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  email: z.string(),
  name: z.string(),
});

export function signAdminToken(session: AdminSession, secret: Uint8Array = getAuthSecret()): Promise<string> {
  return new SignJWT({ email: session.email, name: session.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(session.userId))
    .setJti(session.sessionId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ADMIN_SESSION_SECONDS}s`)
    .sign(secret);
}

/**
 * The session a token carries, or null for anything not signed by us with
 * HS256 (under the current secret or, during a rotation, the previous one),
 * expired, or shaped differently: callers only ever branch on null. This
 * checks the signature only; whether the session is still open is the
 * caller's question (see adminSessionForToken).
 */
export async function verifyAdminToken(
  token: string | undefined,
  secrets: Uint8Array | readonly Uint8Array[] = getVerificationSecrets(),
): Promise<AdminSession | null> {
  if (!token) return null;
  for (const secret of secrets instanceof Uint8Array ? [secrets] : secrets) {
    const session = await verifyWithSecret(token, secret);
    if (session) return session;
  }
  return null;
}

async function verifyWithSecret(token: string, secret: Uint8Array): Promise<AdminSession | null> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'sub', 'jti'],
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return null;
    return { userId: Number(claims.data.sub), email: claims.data.email, name: claims.data.name, sessionId: claims.data.jti };
  } catch {
    return null;
  }
}

/**
 * The admin token in a raw Cookie header (a Socket.IO handshake has no parsed
 * cookies). A JWT is base64url, so the value is taken as is, never URI-decoded.
 */
export function adminTokenFromCookieHeader(header: string | null | undefined): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const separator = pair.indexOf('=');
    if (separator !== -1 && pair.slice(0, separator).trim() === ADMIN_COOKIE) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}
