import type { IncomingMessage, ServerResponse } from 'node:http';
import { logSecurityEvent } from '@/logger';
import type { ApiFailure } from '../envelope';

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Answers 400 for a request whose path cannot be percent-decoded (`%`,
 * `%zz`, `%E0%A4%A`, a lone surrogate `%ED%A0%80`): Next's router throws on
 * it and answers a bare 500. The custom server sees every request first, so
 * it refuses these before Next does, as JSON like every other API error.
 * Returns true when it answered.
 */
export function refuseUndecodablePath(req: IncomingMessage, res: ServerResponse, ip: string): boolean {
  const path = (req.url ?? '/').split('?', 1)[0]!;
  if (isDecodable(path)) return false;
  logSecurityEvent('undecodable request path refused', { ip, method: req.method, path: path.slice(0, 200) });
  const body: ApiFailure = { success: false, error: 'The address is not valid.', code: 'bad_request:path' };
  res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}
