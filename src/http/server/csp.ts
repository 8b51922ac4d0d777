/**
 * The Content-Security-Policy for one page response. Scripts run only with
 * this request's nonce ('strict-dynamic' lets them load their own chunks);
 * inline styles stay allowed because Tailwind and React's style props need
 * them and they cannot run code. Admin pages may not be framed at all.
 */
export function contentSecurityPolicy(options: { nonce: string; framing: 'none' | 'self'; development: boolean; turnstile?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    // The chat's bot gate with CHAT_BOT_GATE=turnstile runs Cloudflare's widget in a frame (its script loads under 'strict-dynamic').
    ...(options.turnstile ? ['frame-src https://challenges.cloudflare.com'] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors '${options.framing}'`,
  ].join('; ');
}

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
