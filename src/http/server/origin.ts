import { env } from '@/config/env';
import { logSecurityEvent } from '@/logger';
import { getClientIp } from './client-ip';
import { AppError } from '../errors';

const publicHost = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).host : undefined;

/** True when `origin` names this site: the Host the request came to, or PUBLIC_URL. */
export function isSameSiteOrigin(origin: string, host: string | null): boolean {
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  return originHost === host || originHost === publicHost;
}

/**
 * State-changing admin requests must not come from another site's page riding
 * the admin cookie. Browsers send Origin on every such request; a request
 * with no Origin comes from a non-browser client, which has no ambient cookie
 * to abuse, so it passes.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  if (!origin || isSameSiteOrigin(origin, request.headers.get('host'))) return;
  logSecurityEvent('foreign origin refused', { ip: getClientIp(request), origin, path: new URL(request.url).pathname });
  throw new AppError('forbidden:origin', { message: 'Cross-site requests are not allowed.' });
}

/**
 * This site's own origin, for links it hands out (a device link): PUBLIC_URL
 * when set, else the Host the request came to, over https when a trusted
 * proxy says the visitor used it.
 */
export function siteOriginOf(request: Request): string {
  if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).origin;
  const url = new URL(request.url);
  const forwardedProto = env.TRUST_PROXY > 0 ? request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : url.protocol.slice(0, -1);
  return `${protocol}://${request.headers.get('host') ?? url.host}`;
}
