import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';

const admin = { email: 'owner@example.com', password: 'correct horse battery staple' };
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/* What every API answer carries, and how the server treats a path no one can decode. */
describe('API answers: caching, CSP and undecodable paths', () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
    cookie = await signInAsAdmin(server, admin);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    ['/api/chat/conversations/%E0%A4%A'],
    ['/api/chat/conversations/%ED%A0%80'],
    ['/api/chat/conversations/%'],
    ['/api/chat/conversations/%zz'],
    ['/api/admin/portfolio/%zz'],
    ['/chat/%E0%A4%A'],
  ])('answers 400 JSON, not a 500, for the undecodable path %s, and logs it', async (pathname) => {
    const response = await api(server, pathname);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({ success: false, error: expect.any(String), code: 'bad_request:path' });
    await expect.poll(() => server.logs).toContainEqual(expect.objectContaining({ security: 'undecodable request path refused', path: pathname }));
  });

  it('still serves a path whose percent-encoding is valid', async () => {
    const response = await api(server, '/api/chat/conversations/%31', { cookie });
    expect(response.status).not.toBe(400);
    expect(response.status).toBeLessThan(500);
  });

  it.each([
    ['a personal-data answer', '/api/admin/portfolio', true],
    ['the inbox', '/api/chat/conversations', true],
    ['the chat settings', '/api/chat/settings', true],
    ['an error', '/api/chat/messages?conversationId=1', false],
    ['the 404 of an unknown API route', '/api/no-such-route', false],
    ['the health check', '/api/health', false],
  ])('answers %s with Cache-Control: no-store and the API CSP', async (_what, pathname, withCookie) => {
    const response = await api(server, pathname, withCookie ? { cookie } : {});
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(response.headers.get('content-security-policy')).toBe(API_POLICY);
  });

  it('answers an unknown API route with a 404 that may do nothing, even as HTML', async () => {
    const response = await api(server, '/api/no-such-route', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(API_POLICY);
  });

  it("lets pages connect only to this site's own WebSocket origin, not to any ws:/wss: host", async () => {
    const response = await api(server, '/');
    const connectSrc = response.headers
      .get('content-security-policy')!
      .split('; ')
      .find((directive) => directive.startsWith('connect-src'));
    expect(connectSrc).toBe(`connect-src 'self' ws://127.0.0.1:${server.port}`);
  });
});
