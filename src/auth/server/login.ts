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
 * LOGIN_RATE_LIMIT_PER_MINUTE=0 turns the limit off.
 */
export async function authenticateAdmin(input: { email: string; password: string; ip: string }): Promise<AdminUser> {
  const { email } = input;
  const keys = [
    { limiter: attemptsByIp, key: input.ip },
    { limiter: attemptsByEmail, key: email },
  ];
  if (loginLimit > 0) {
    const results = await Promise.all(keys.map(({ limiter, key }) => limiter.hit(key)));
    const refused = results.filter((result) => !result.allowed);
    if (refused.length > 0) throw rateLimited(refused, input.ip, email);
  }

  const repository = getRepository();
  const user = await repository.getUserByEmail({ email });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), input.password);
  if (!user || !passwordMatches) {
    logSecurityEvent('login failed', { ip: input.ip, email, knownEmail: Boolean(user) });
    throw new AppError('unauthorized:credentials', { message: 'Wrong email or password.' });
  }

  if (loginLimit > 0) await Promise.all(keys.map(({ limiter, key }) => limiter.reset(key)));
  await repository.recordUserLogin({ id: user.id });
  return { id: user.id, name: user.name, email: user.email };
}

function rateLimited(refused: RateLimitResult[], ip: string, email: string): AppError {
  const retryAfter = Math.max(...refused.map((result) => result.retryAfterSeconds));
  logSecurityEvent('login rate limited', { ip, email, retryAfter });
  return new AppError('rate_limit:login', {
    message: `Too many sign-in attempts. Try again in ${retryAfter} seconds.`,
    retryAfter,
  });
}
