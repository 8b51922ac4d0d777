import { env } from '@/config/env';
import { getRepository } from '@/db';
import { AppError } from '@/http/errors';
import { createRateLimiter, type RateLimitResult } from '@/http/server/rate-limit';
import { logSecurityEvent } from '@/logger';
import { getDecoyHash, verifyPassword } from './password';

export type AdminUser = { id: number; name: string; email: string };

const LOGIN_WINDOW_MS = 60_000;
const loginLimit = env.LOGIN_RATE_LIMIT_PER_MINUTE;
const attemptsByIp = createRateLimiter({ name: 'login-ip', limit: loginLimit, windowMs: LOGIN_WINDOW_MS });
const attemptsByEmail = createRateLimiter({ name: 'login-email', limit: loginLimit, windowMs: LOGIN_WINDOW_MS });

// Hash the decoy now so the first unknown-email attempt is not the slow one that gives it away.
void getDecoyHash();

/**
 * Checks loginInputSchema-validated credentials, limited per IP and per
 * email. Every attempt takes a slot before the (slow) password check, so
 * parallel guesses cannot all slip in before the first failure is counted; a
 * success clears the counters of its IP and email, so only failures add up.
 *
 * The per-IP limit always applies. The per-email limit stops guesses spread
 * over many addresses, but applied to everyone it would let a stranger keep
 * the owner locked out from anywhere by failing five times a minute. So it
 * does not apply to the address of this account's last successful sign-in:
 * the owner's usual address keeps working (under its own per-IP limit),
 * while new addresses stay locked. A stranger sees the same answers whether
 * or not the email exists. LOGIN_RATE_LIMIT_PER_MINUTE=0 turns both off.
 */
export async function authenticateAdmin(input: { email: string; password: string; ip: string }): Promise<AdminUser> {
  const { email, ip } = input;
  const repository = getRepository();
  if (loginLimit > 0) {
    const [byIp, byEmail] = await Promise.all([attemptsByIp.hit(ip), attemptsByEmail.hit(email)]);
    if (!byIp.allowed) throw rateLimited([byIp, byEmail].filter((result) => !result.allowed), ip, email);
    if (!byEmail.allowed && !(await isLastSignInAddress(email, ip))) throw rateLimited([byEmail], ip, email);
  }

  const user = await repository.getUserByEmail({ email });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), input.password);
  if (!user || !passwordMatches) {
    logSecurityEvent('login failed', { ip, email, knownEmail: Boolean(user) });
    throw new AppError('unauthorized:credentials', { message: 'Wrong email or password.' });
  }

  if (loginLimit > 0) await Promise.all([attemptsByIp.reset(ip), attemptsByEmail.reset(email)]);
  await repository.recordUserLogin({ id: user.id, ip: ip === 'unknown' ? null : ip });
  return { id: user.id, name: user.name, email: user.email };
}

async function isLastSignInAddress(email: string, ip: string): Promise<boolean> {
  if (ip === 'unknown') return false;
  const user = await getRepository().getUserByEmail({ email });
  return user?.lastLoginIp === ip;
}

function rateLimited(refused: RateLimitResult[], ip: string, email: string): AppError {
  const retryAfter = Math.max(...refused.map((result) => result.retryAfterSeconds));
  logSecurityEvent('login rate limited', { ip, email, retryAfter });
  return new AppError('rate_limit:login', {
    message: `Too many sign-in attempts. Try again in ${retryAfter} seconds.`,
    retryAfter,
  });
}
