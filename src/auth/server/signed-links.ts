import { errors, jwtVerify, SignJWT } from 'jose';
import type { z } from 'zod';
import { getAuthSecret, getVerificationSecrets } from './secret';

/*
 * Links that carry their own proof: a JWT (HS256 under AUTH_SECRET) with an
 * audience per purpose, so no kind of link can stand in for another or for
 * an admin session. Used by the visitor's mails (src/notify/server/links.ts)
 * and "continue on another device" (src/chat/server/devices.ts).
 */

const ISSUER = 'tanya';

export type SignedLinkOptions = {
  audience: string;
  subject: string;
  /** A jose duration: '15m', '30d'. */
  expiresIn: string;
  /** A JWT id, for links that may be used once. */
  linkId?: string;
};

export function signLink(claims: Record<string, string>, { audience, subject, expiresIn, linkId }: SignedLinkOptions): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  return (linkId ? jwt.setJti(linkId) : jwt).sign(getAuthSecret());
}

/** A link's claims; `expired` when it was ours and genuine but is past its time; `invalid` for anything else. */
export type VerifiedLink<T> = { claims: T } | { refused: 'expired' | 'invalid' };

export async function verifyLink<T>(token: string, audience: string, schema: z.ZodType<T>): Promise<VerifiedLink<T>> {
  for (const secret of getVerificationSecrets()) {
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience, requiredClaims: ['exp', 'sub'] });
      const claims = schema.safeParse(payload);
      return claims.success ? { claims: claims.data } : { refused: 'invalid' };
    } catch (error) {
      // jose checks the signature before the claims: an expired link was signed by this secret.
      if (error instanceof errors.JWTExpired) return { refused: 'expired' };
      // Otherwise not this secret (or not ours at all): try the next.
    }
  }
  return { refused: 'invalid' };
}

/** The claims of a valid link, or null (for callers that treat every refusal alike). */
export async function verifiedClaims<T>(token: string, audience: string, schema: z.ZodType<T>): Promise<T | null> {
  const verified = await verifyLink(token, audience, schema);
  return 'claims' in verified ? verified.claims : null;
}
