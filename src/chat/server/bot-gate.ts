import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { getAuthSecret } from '@/auth/server/secret';
import { env } from '@/config/env';
import { AppError } from '@/http/errors';
import { logger, logSecurityEvent } from '@/logger';
import { getRedis, redisKey } from '@/redis/client';
import type { BotGateProof } from './schemas';

/*
 * The bot gate in front of new chat sessions (resuming one needs none).
 * `pow`: an ALTCHA proof of work, self-hosted: the challenge is signed with a
 * key derived from AUTH_SECRET (so any instance verifies any instance's
 * challenge), expires after a few minutes and is accepted once. `turnstile`:
 * Cloudflare's token, checked with its siteverify endpoint.
 */

const CHALLENGE_TTL_MS = 5 * 60_000;
const TURNSTILE_TIMEOUT_MS = 5_000;
const ALGORITHM = 'SHA-256';

export type BotGateChallenge = { gate: 'pow'; challenge: Challenge } | { gate: 'turnstile'; siteKey: string } | { gate: 'off' };

/** Distinct keys for the two ALTCHA signatures, derived from the one site secret. */
function secretFor(purpose: string): string {
  return createHmac('sha256', getAuthSecret()).update(`altcha:${purpose}`).digest('hex');
}

export async function issueBotGateChallenge(): Promise<BotGateChallenge> {
  if (env.CHAT_BOT_GATE === 'off') return { gate: 'off' };
  if (env.CHAT_BOT_GATE === 'turnstile') return { gate: 'turnstile', siteKey: env.TURNSTILE_SITE_KEY! };
  // The answer is hidden at a random attempt between half the cost and the cost, so solving takes that many hashes.
  const challenge = await createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(Math.ceil(env.CHAT_POW_COST / 2), env.CHAT_POW_COST),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    hmacSignatureSecret: secretFor('signature'),
    hmacKeySignatureSecret: secretFor('key-signature'),
  });
  return { gate: 'pow', challenge };
}

/*
 * Used challenges, so a solution is accepted once: in Redis when several
 * instances share it, and always in this process (which is all there is
 * without Redis, and what still holds while Redis is away).
 */
const globalForGate = globalThis as unknown as { tanyaUsedChallenges?: Map<string, number> };
const usedHere = (globalForGate.tanyaUsedChallenges ??= new Map());

async function firstUse(signature: string): Promise<boolean> {
  const now = Date.now();
  for (const [key, expiresAt] of usedHere) if (expiresAt <= now) usedHere.delete(key);
  if (usedHere.has(signature)) return false;
  usedHere.set(signature, now + CHALLENGE_TTL_MS);
  const redis = getRedis();
  if (!redis) return true;
  try {
    return (await redis.commands.set(redisKey(redis, 'pow-used', signature), '1', 'PX', CHALLENGE_TTL_MS, 'NX')) === 'OK';
  } catch (error) {
    logger.warn({ err: error }, 'bot gate: Redis away, replays are refused by this instance only');
    return true;
  }
}

async function verifyProofOfWork(proof: BotGateProof): Promise<string | null> {
  if (!('challenge' in proof)) return 'a proof of work is required';
  const result = await verifySolution({
    challenge: proof.challenge as unknown as Challenge,
    solution: proof.solution as Solution,
    deriveKey,
    hmacSignatureSecret: secretFor('signature'),
    hmacKeySignatureSecret: secretFor('key-signature'),
  }).catch(() => null);
  if (!result?.verified) return result?.expired ? 'challenge expired' : 'invalid solution';
  return (await firstUse(proof.challenge.signature)) ? null : 'challenge already used';
}

async function verifyTurnstile(proof: BotGateProof, ip: string): Promise<string | null> {
  if (!('turnstileToken' in proof)) return 'a Turnstile token is required';
  const form = new URLSearchParams({ secret: env.TURNSTILE_SECRET_KEY!, response: proof.turnstileToken });
  if (ip !== 'unknown') form.set('remoteip', ip);
  try {
    const response = await fetch(env.TURNSTILE_VERIFY_URL, { method: 'POST', body: form, signal: AbortSignal.timeout(TURNSTILE_TIMEOUT_MS) });
    const answer = (await response.json()) as { success?: boolean; 'error-codes'?: string[] };
    return answer.success === true ? null : `turnstile refused (${(answer['error-codes'] ?? []).join(', ') || response.status})`;
  } catch (error) {
    logger.error({ err: error }, 'bot gate: Turnstile siteverify failed');
    return 'turnstile unreachable';
  }
}

function refuse(ip: string, reason: string): never {
  logSecurityEvent('chat bot gate refused', { ip, gate: env.CHAT_BOT_GATE, reason });
  throw new AppError('forbidden:bot_gate', { message: 'Please reload the page to start a chat.' });
}

/** The widget's hidden field, which people never see and form-filling bots fill: filled, the request is refused. */
export function checkHoneypot(value: unknown, ip: string): void {
  if (value !== undefined && value !== null && value !== '') refuse(ip, 'honeypot filled');
}

/** Lets a new session through, or refuses it with `forbidden:bot_gate` (the widget then solves a challenge and tries again). */
export async function passBotGate(input: { proof: BotGateProof | undefined; ip: string }): Promise<void> {
  if (env.CHAT_BOT_GATE === 'off') return;
  if (!input.proof) refuse(input.ip, 'no bot gate proof');
  const refusal = env.CHAT_BOT_GATE === 'pow' ? await verifyProofOfWork(input.proof) : await verifyTurnstile(input.proof, input.ip);
  if (refusal !== null) refuse(input.ip, refusal);
}
