import pino, { type Logger } from 'pino';
import { logLevel } from '@/config/env';
import { processGlobals } from '@/server/process-globals';

/**
 * One structured logger for the server, the route handlers and the CLI
 * (process-wide: see src/server/process-globals.ts). Secrets never reach it:
 * the redact list is a net for mistakes, not a licence to log request bodies.
 */
export const logger: Logger = (processGlobals.tanyaLogger ??= pino({
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
