/** What API answers (JSON, and the HTML 404 of an unknown API route) may do: nothing, and never be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Who may frame a page: nobody, this site, or exactly these origins ('*' for anyone). */
export type Framing = 'none' | 'self' | readonly string[];

const frameAncestorsOf = (framing: Framing) =>
  typeof framing === 'string' ? `'${framing}'` : framing.length > 0 ? framing.join(' ') : "'none'";

/**
 * The Content-Security-Policy for one page response. Scripts run only with
 * this request's nonce ('strict-dynamic' lets them load their own chunks);
 * inline styles stay allowed because Tailwind and React's style props need
 * them and they cannot run code. Connections go to this site and to the
 * realtime origins in use, named exactly (see realtimeConnectSources), never
 * to any WebSocket host. Admin pages may not be framed at all, the embedded
 * chat only by the sites allowed to embed it.
 */
export function contentSecurityPolicy(options: {
  nonce: string;
  framing: Framing;
  development: boolean;
  realtimeSources: readonly string[];
  turnstile?: boolean;
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...options.realtimeSources].join(' '),
    // The chat's bot gate with CHAT_BOT_GATE=turnstile runs Cloudflare's widget in a frame (its script loads under 'strict-dynamic').
    ...(options.turnstile ? ['frame-src https://challenges.cloudflare.com'] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestorsOf(options.framing)}`,
  ].join('; ');
}

export type RealtimeTarget =
  | { driver: 'socket.io'; pageOrigins: readonly string[] }
  | { driver: 'pusher'; useTls: boolean; host?: string; port?: number; cluster?: string };

/**
 * The WebSocket origins a page may open. Socket.IO: this site, as the
 * browser sees it (the page origins: the request's own, with the scheme a
 * trusted proxy reports, and PUBLIC_URL when a proxy rewrites Host); 'self'
 * alone does not cover ws:/wss: in every browser. Pusher: the configured host
 * (or the cluster's), with wss only when TLS is forced; without it pusher-js
 * still uses wss on an https page.
 */
export function realtimeConnectSources(target: RealtimeTarget): string[] {
  if (target.driver === 'socket.io') {
    // A page origin comes from the Host header: one that is not a valid origin allows nothing.
    const origins = target.pageOrigins.flatMap((origin) => (URL.canParse(origin) ? [new URL(origin)] : []));
    return [...new Set(origins.map((url) => `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`))];
  }
  const host = target.host ?? `ws-${target.cluster}.pusher.com`;
  const authority = target.port ? `${host}:${target.port}` : host;
  return target.useTls ? [`wss://${authority}`] : [`ws://${authority}`, `wss://${authority}`];
}

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
