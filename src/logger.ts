import pino, { type Logger } from 'pino';
import { logLevel } from '@/config/env';

/**
 * One structured logger for the server, the route handlers and the CLI.
 * It lives on globalThis because Next bundles its own copy of this module next
 * to the one the custom server loads; both must write through the same stream.
 * Secrets never reach it: the redact list is a net for mistakes, not a licence
 * to log request bodies.
 */
const globalForLogger = globalThis as unknown as { tanyaLogger?: Logger };

export const logger: Logger = (globalForLogger.tanyaLogger ??= pino({
  name: 'tanya',
  level: logLevel,
  redact: {
    paths: [
      'password',
      '*.password',
      'token',
      '*.token',
      'sessionToken',
      '*.sessionToken',
      'cookie',
      '*.cookie',
      'authorization',
      '*.authorization',
      'content',
      '*.content',
    ],
    censor: '[redacted]',
  },
}));

/** Security events (failed logins, refused subscriptions, rate-limit hits) share one shape. */
export function logSecurityEvent(event: string, fields: { ip: string } & Record<string, unknown>): void {
  logger.warn({ security: event, ...fields }, event);
}
