import { env } from '@/config/env';
import { AppError, type ErrorCode } from '@/http/errors';
import { createRateLimiter, type RateLimiter } from '@/http/server/rate-limit';
import { logSecurityEvent } from '@/logger';

/*
 * The chat's rate limits, per minute unless said otherwise (a limit of 0 is off). In a module of
 * their own because more than the chat service starts visitor sessions: a
 * mail's resume link does too, under the same per-IP limit.
 */

const MINUTE_MS = 60_000;

type Limit = { limiter: RateLimiter; limit: number; name: string };

function limit(name: string, perMinute: number, windowMs = MINUTE_MS): Limit {
  return { limiter: createRateLimiter({ name, limit: perMinute, windowMs }), limit: perMinute, name };
}

const newSessionsPerIp = limit('chat-session-ip', env.CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE);
export const messagesPerSession = limit('chat-send-session', env.CHAT_RATE_LIMIT_PER_MINUTE);
export const messagesPerIp = limit('chat-send-ip', env.CHAT_RATE_LIMIT_PER_IP_PER_MINUTE);

/**
 * Takes one slot from every limit that is on; all of them count the hit, so
 * a refusal by one still spends the others.
 */
export async function enforceLimits(
  checks: { limit: Limit; key: string }[],
  refusal: { code: Extract<ErrorCode, `rate_limit:${string}`>; ip: string; message: string },
) {
  const active = checks.filter((check) => check.limit.limit > 0);
  const results = await Promise.all(active.map((check) => check.limit.limiter.hit(check.key)));
  const refusedBy = active.filter((_, index) => !results[index]!.allowed).map((check) => check.limit.name);
  if (refusedBy.length === 0) return;
  const retryAfter = Math.max(...results.filter((result) => !result.allowed).map((result) => result.retryAfterSeconds));
  logSecurityEvent('chat rate limited', { ip: refusal.ip, limits: refusedBy, retryAfter });
  throw new AppError(refusal.code, { message: refusal.message, retryAfter });
}

/** Every new visitor session from one address counts here: the chat's own, and a resume link's. */
export function limitNewSessions(ip: string) {
  return enforceLimits([{ limit: newSessionsPerIp, key: ip }], {
    code: 'rate_limit:session',
    ip,
    message: 'Too many new chat sessions. Try again shortly.',
  });
}

/** A PDF costs the server a moment of CPU; a visitor downloading in a loop is told to wait. */
const transcriptsPerIp = limit('chat-transcript-ip', 20);

export function limitTranscripts(ip: string) {
  return enforceLimits([{ limit: transcriptsPerIp, key: ip }], {
    code: 'rate_limit:conversation',
    ip,
    message: 'Too many downloads. Try again in a minute.',
  });
}

/**
 * Images cost storage: a visitor sends at most VISITOR_UPLOADS_PER_HOUR an hour, and one address (a whole
 * office behind one NAT, or one visitor starting session after session) five times that.
 */
const HOUR_MS = 60 * MINUTE_MS;
const VISITORS_PER_ADDRESS = 5;
const uploadsPerSession = limit('chat-upload-session', env.VISITOR_UPLOADS_PER_HOUR, HOUR_MS);
const uploadsPerIp = limit('chat-upload-ip', env.VISITOR_UPLOADS_PER_HOUR * VISITORS_PER_ADDRESS, HOUR_MS);

/** An upload counts as a message too, under the chat's per-minute limits. */
export function limitVisitorUploads(sessionId: number, ip: string) {
  return enforceLimits(
    [
      { limit: uploadsPerSession, key: String(sessionId) },
      { limit: uploadsPerIp, key: ip },
      { limit: messagesPerSession, key: String(sessionId) },
      { limit: messagesPerIp, key: ip },
    ],
    { code: 'rate_limit:upload', ip, message: 'You have sent many images. Try again later.' },
  );
}
