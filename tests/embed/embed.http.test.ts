import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { newVisitor } from '../chat/helpers';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { connect, createClient } from '../realtime/helpers';

const ALLOWED = 'https://blog.example';
const ALSO_ALLOWED = 'http://127.0.0.1:8081';
const STRANGER = 'https://stranger.example';

const frameAncestorsOf = (response: { headers: Headers }) =>
  /frame-ancestors ([^;]+)/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

const embedChat = (server: { url: string }, host: string | null, headers: Record<string, string> = {}) =>
  api(server, `/embed/chat${host === null ? '' : `?host=${encodeURIComponent(host)}&page=${encodeURIComponent(`${host}/posts/1`)}`}`, { headers });

describe('embedding the chat on other sites', () => {
  const fixture = useProductionServer({ admin: true, env: { EMBED_ORIGINS: `${ALLOWED}, ${ALSO_ALLOWED}`, CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0' } });

  describe('embed.js (build check)', () => {
    it('is one small script: at most 6 KB gzipped, JavaScript that parses, no cookie, loadable from any origin', async () => {
      const response = await fetch(`${fixture.server.url}/embed.js`);
      const script = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      const gzipped = gzipSync(script, { level: 9 }).length;
      console.log(`embed.js: ${script.length} bytes, ${gzipped} bytes gzipped`);
      expect(gzipped).toBeLessThanOrEqual(6 * 1024);
      expect(() => new Function(script)).not.toThrow();
      expect(script).not.toMatch(/document\.cookie/);
    });
  });

  describe('/embed/chat', () => {
    it('renders the chat for a site on the allow-list, framed by exactly the allow-list', async () => {
      const response = await embedChat(fixture.server, ALLOWED, { referer: `${ALLOWED}/posts/1` });
      expect(response.status).toBe(200);
      expect(frameAncestorsOf(response)).toBe(`${ALLOWED} ${ALSO_ALLOWED}`);
      expect(response.body).toContain('data-testid="embedded-chat"');
      expect(response.body).not.toContain('data-testid="embed-refused"');
    });

    it.each([
      ['a site not on the list', STRANGER, {}],
      ['a page whose referrer is another site than it claims', ALLOWED, { referer: `${STRANGER}/` }],
      ['no embedding site at all', null, {}],
      ['a forged decision header', null, { 'x-tanya-embed-origin': ALLOWED }],
    ] as const)('shows %s a notice and nothing of the chat', async (_case, host, headers) => {
      const response = await embedChat(fixture.server, host, headers);
      expect(response.status).toBe(200);
      expect(frameAncestorsOf(response)).toBe('*');
      expect(response.body).toContain('data-testid="embed-refused"');
      expect(response.body).not.toContain('data-testid="embedded-chat"');
      expect(response.body).not.toContain('composer-input');
    });

    it('keeps every other page framable by this site only, and the admin by nobody', async () => {
      expect(frameAncestorsOf(await api(fixture.server, '/chat'))).toBe("'self'");
      expect(frameAncestorsOf(await api(fixture.server, '/admin/login'))).toBe("'none'");
    });
  });

  describe('the allow-list in the settings', () => {
    it('refuses entries that are not origins, field by field, and applies a saved list at once', async () => {
      const bad = await api(fixture.server, '/api/chat/settings', {
        method: 'PATCH',
        body: { embedOrigins: ['https://ok.example', 'https://blog.example/path', 'ftp://files.example', 'not a url'] },
        cookie: fixture.adminCookie,
      });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ success: false, code: 'bad_request:validation' });
      expect(bad.body.fields.embedOrigins).toHaveLength(3);

      const saved = await api(fixture.server, '/api/chat/settings', {
        method: 'PATCH',
        body: { embedOrigins: ['https://new.example/', 'https://new.example'] },
        cookie: fixture.adminCookie,
      });
      expect(saved.status).toBe(200);
      expect(saved.body.data).toMatchObject({ embedOrigins: ['https://new.example'], embedOriginsFromEnvironment: [ALLOWED, ALSO_ALLOWED] });
      expect(frameAncestorsOf(await embedChat(fixture.server, 'https://new.example'))).toBe('https://new.example');
      expect((await embedChat(fixture.server, ALLOWED)).body).toContain('data-testid="embed-refused"');

      // null: back to EMBED_ORIGINS.
      const reset = await api(fixture.server, '/api/chat/settings', { method: 'PATCH', body: { embedOrigins: null }, cookie: fixture.adminCookie });
      expect(reset.status).toBe(200);
      expect(frameAncestorsOf(await embedChat(fixture.server, ALLOWED))).toBe(`${ALLOWED} ${ALSO_ALLOWED}`);
    });
  });

  describe('CORS and the realtime handshake follow the list', () => {
    const preflight = (origin: string, pathname = '/api/chat/session') =>
      fetch(`${fixture.server.url}${pathname}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-session-token' },
      });

    it('answers a preflight from an allowed site, without credentials, and refuses any other', async () => {
      const allowed = await preflight(ALLOWED);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(allowed.headers.get('access-control-allow-headers')).toContain('x-session-token');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

      const refused = await preflight(STRANGER);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(await refused.json()).toMatchObject({ success: false, code: 'forbidden:origin' });
    });

    it('gives an allowed site CORS on the visitor API only, never on the admin API', async () => {
      const session = await api(fixture.server, '/api/chat/challenge', { headers: { origin: ALLOWED } });
      expect(session.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      const admin = await api(fixture.server, '/api/chat/conversations', { headers: { origin: ALLOWED }, cookie: fixture.adminCookie });
      expect(admin.headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(ALLOWED, '/api/chat/settings')).status).toBe(403);
      const stranger = await api(fixture.server, '/api/chat/challenge', { headers: { origin: STRANGER } });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('lets a visitor socket connect from this site or an allowed one, and refuses any other origin', async () => {
      const token = await newVisitor(fixture.server);
      const socketFrom = (origin: string) => createClient(fixture.server, { auth: { sessionToken: token }, extraHeaders: { origin }, transports: ['websocket'] });
      const own = await connect(socketFrom(fixture.server.url));
      own.disconnect();
      const allowed = await connect(socketFrom(ALSO_ALLOWED));
      allowed.disconnect();
      const stranger = socketFrom(STRANGER);
      await expect(connect(stranger)).rejects.toMatchObject({ message: 'unauthorized', data: { reason: 'origin not on the embed allow-list' } });
      stranger.disconnect();
    });
  });
});
