import { isIP } from 'node:net';

/**
 * The custom server is the trust boundary for the client address: it computes
 * the IP from the socket (and only as many X-Forwarded-For hops as TRUST_PROXY
 * allows), overwrites this header with it, and route handlers read it back.
 * A header a client sends under this name is always replaced.
 */
export const CLIENT_IP_HEADER = 'x-tanya-client-ip';

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

export function getClientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}
