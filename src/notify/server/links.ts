import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { getAuthSecret, getVerificationSecrets } from '@/auth/server/secret';

/*
 * The signed links in a visitor's mail: "continue in the browser" (reopens
 * one conversation for 30 days) and "unsubscribe" (stops that conversation's
 * mails to that address). HS256 under AUTH_SECRET, each with its own
 * audience, so neither can stand in for the other or for an admin session.
 */

const ISSUER = 'tanya';
const RESUME_AUDIENCE = 'tanya:resume';
const UNSUBSCRIBE_AUDIENCE = 'tanya:unsubscribe';
const RESUME_LINK_DAYS = 30;
/** An unsubscribe link must keep working for as long as anyone keeps the mail. */
const UNSUBSCRIBE_LINK_DAYS = 365;

const resumeClaims = z.object({ sub: z.string().min(1).max(32) });
const unsubscribeClaims = z.object({ sub: z.string().min(1).max(32), email: z.email() });

const sign = (claims: Record<string, string>, subject: string, audience: string, days: number) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${days}d`)
    .sign(getAuthSecret());

async function verify<T>(token: string, audience: string, schema: z.ZodType<T>): Promise<T | null> {
  for (const secret of getVerificationSecrets()) {
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience, requiredClaims: ['exp', 'sub'] });
      const claims = schema.safeParse(payload);
      return claims.success ? claims.data : null;
    } catch {
      // Not this secret (or not ours at all): try the next.
    }
  }
  return null;
}

export const signResumeToken = (conversationId: string) => sign({}, conversationId, RESUME_AUDIENCE, RESUME_LINK_DAYS);

/** The conversation a resume link reopens, or null for an expired, altered or foreign token. */
export async function verifyResumeToken(token: string): Promise<string | null> {
  return (await verify(token, RESUME_AUDIENCE, resumeClaims))?.sub ?? null;
}

export const signUnsubscribeToken = (conversationId: string, email: string) =>
  sign({ email }, conversationId, UNSUBSCRIBE_AUDIENCE, UNSUBSCRIBE_LINK_DAYS);

export async function verifyUnsubscribeToken(token: string): Promise<{ conversationId: string; email: string } | null> {
  const claims = await verify(token, UNSUBSCRIBE_AUDIENCE, unsubscribeClaims);
  return claims && { conversationId: claims.sub, email: claims.email };
}
