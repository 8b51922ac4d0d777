import { z } from 'zod';
import { signLink, verifiedClaims } from '@/auth/server/signed-links';

/*
 * The signed links in a visitor's mail: "continue in the browser" (reopens
 * one conversation for 30 days) and "unsubscribe" (stops that conversation's
 * mails to that address).
 */

const RESUME_AUDIENCE = 'tanya:resume';
const UNSUBSCRIBE_AUDIENCE = 'tanya:unsubscribe';
const RESUME_LINK_LIFETIME = '30d';
/** An unsubscribe link must keep working for as long as anyone keeps the mail. */
const UNSUBSCRIBE_LINK_LIFETIME = '365d';

const resumeClaims = z.object({ sub: z.string().min(1).max(32) });
const unsubscribeClaims = z.object({ sub: z.string().min(1).max(32), email: z.email() });

export const signResumeToken = (conversationId: string) =>
  signLink({}, { audience: RESUME_AUDIENCE, subject: conversationId, expiresIn: RESUME_LINK_LIFETIME });

/** The conversation a resume link reopens, or null for an expired, altered or foreign token. */
export async function verifyResumeToken(token: string): Promise<string | null> {
  return (await verifiedClaims(token, RESUME_AUDIENCE, resumeClaims))?.sub ?? null;
}

export const signUnsubscribeToken = (conversationId: string, email: string) =>
  signLink({ email }, { audience: UNSUBSCRIBE_AUDIENCE, subject: conversationId, expiresIn: UNSUBSCRIBE_LINK_LIFETIME });

export async function verifyUnsubscribeToken(token: string): Promise<{ conversationId: string; email: string } | null> {
  const claims = await verifiedClaims(token, UNSUBSCRIBE_AUDIENCE, unsubscribeClaims);
  return claims && { conversationId: claims.sub, email: claims.email };
}
