import { isIP } from 'node:net';
import { env } from '@/config/env';
import { processGlobals } from '@/server/process-globals';

/**
 * The custom server is the trust boundary for the client address: it computes
 * the IP from the socket (and only as many X-Forwarded-For hops as TRUST_PROXY
 * allows), overwrites this header with it, and route handlers read it back.
 * A header a client sends under this name is always replaced.
 */
export const CLIENT_IP_HEADER = 'x-tanya-client-ip';

/** Called by the custom server, which stamps CLIENT_IP_HEADER on every request before Next sees it. */
export function setClientIpStamping(enabled: boolean): void {
  processGlobals.tanyaStampsClientIp = enabled;
}

export function normalizeIp(address: string | undefined): string {
  if (!address) return 'unknown';
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  const unmapped = trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(unmapped) ? unmapped : 'unknown';
}

/**
 * With `trustedHops` proxies in front, the client is the address that the
 * outermost trusted proxy saw: the (hops)th entry from the right of the chain
 * formed by X-Forwarded-For plus the socket peer. Entries left of it are
 * whatever the client chose to send, so they never count.
 */
export function resolveClientIp(input: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
}): string {
  if (input.trustedHops === 0) return normalizeIp(input.remoteAddress);
  const forwarded = [input.forwardedFor ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  const chain = [...forwarded, input.remoteAddress ?? ''];
  const index = Math.max(0, chain.length - 1 - input.trustedHops);
  return normalizeIp(chain[index]);
}

export function getClientIp(request: Request, trustedHops = env.TRUST_PROXY): string {
  if (processGlobals.tanyaStampsClientIp) return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
  // No custom server in front (a serverless host runs the handlers alone): a header of that name came from the
  // client, so it is never read. The host's proxies append the caller to X-Forwarded-For; TRUST_PROXY says how
  // many of them to trust.
  return resolveClientIp({ remoteAddress: undefined, forwardedFor: request.headers.get('x-forwarded-for') ?? undefined, trustedHops });
}
