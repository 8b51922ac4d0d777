import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { api, signInAsAdmin, type TestServer } from '../helpers/server';
import { projectRoot } from '../helpers/build';
import { connect, createClient, waitFor } from '../realtime/helpers';

const AUTH_SECRET = 'test-secret-'.padEnd(48, 'x');
const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'correct horse battery';
const WRONG_PASSWORD = 'wrong-password-123';

function adminCookieFrom(headers: Headers): string | undefined {
  return headers.getSetCookie().find((cookie) => cookie.startsWith('tanya_admin='));
}

function cookieHeader(setCookie: string): string {
  return setCookie.split(';')[0]!;
}

/** A token signed with the server's own secret, naming a session that was never opened. */
function signToken(claims: { sub: string; expiresAt?: number }) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: ADMIN_EMAIL, name: 'admin' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setJti('never-opened-session-0123')
    .setIssuer('tanya')
    .setAudience('tanya')
    .setIssuedAt(now - 8 * 24 * 3600)
    .setExpirationTime(claims.expiresAt ?? now + 3600)
    .sign(new TextEncoder().encode(AUTH_SECRET));
}

function login(server: TestServer, body: { email: string; password: string }, headers?: Record<string, string>) {
  return api(server, '/api/auth/login', { body, headers });
}

describe('admin sign-in over HTTP (admin from ADMIN_EMAIL)', () => {
  const fixture = useProductionServer({ env: { AUTH_SECRET, ADMIN_EMAIL, ADMIN_PASSWORD } });

  it('refuses the admin API without a cookie', async () => {
    const response = await api(fixture.server, '/api/admin/portfolio');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
  });

  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await login(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, data: { user: { id: 1, name: 'admin', email: ADMIN_EMAIL } } });
    const setCookie = adminCookieFrom(response.headers)!;
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Path=\//i);
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*Max-Age=604800/i);

    const portfolio = await api(fixture.server, '/api/admin/portfolio', { cookie: cookieHeader(setCookie) });
    expect(portfolio.status).toBe(200);
  });

  it('accepts the email in any case', async () => {
    const response = await login(fixture.server, { email: ' Admin@Example.COM ', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
  });

  it('does not count successful logins towards the limit', async () => {
    for (let attempt = 0; attempt < 7; attempt++) {
      expect((await login(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).status).toBe(200);
    }
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrongPassword = await login(fixture.server, { email: ADMIN_EMAIL, password: WRONG_PASSWORD });
    const unknownEmail = await login(fixture.server, { email: 'nobody@example.com', password: WRONG_PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body).toMatchObject({ success: false, code: 'unauthorized:credentials' });
    expect(adminCookieFrom(wrongPassword.headers)).toBeUndefined();
    // A success clears the failures counted above, so the rate-limit test below starts from zero.
    expect((await login(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).status).toBe(200);
  });

  it('validates the body', async () => {
    const response = await login(fixture.server, { email: 'not-an-email', password: '' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses a login posted from a foreign Origin', async () => {
    const response = await login(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(adminCookieFrom(response.headers)).toBeUndefined();
  });

  it('refuses a tampered, an expired, a foreign-secret, a deleted-user and a never-opened-session token', async () => {
    const valid = cookieHeader(adminCookieFrom((await login(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).headers)!);
    const [header, payload, signature] = valid.slice('tanya_admin='.length).split('.');
    const tampered = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    const expired = await signToken({ sub: '1', expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const foreignSecret = await new SignJWT({ email: ADMIN_EMAIL, name: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuer('tanya')
      .setAudience('tanya')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-'.padEnd(48, 'y')));
    const deletedUser = await signToken({ sub: '999' });
    const neverOpened = await signToken({ sub: '1' });

    expect((await api(fixture.server, '/api/admin/portfolio', { cookie: valid })).status).toBe(200);
    for (const token of [tampered, expired, foreignSecret, deletedUser, neverOpened]) {
      const response = await api(fixture.server, '/api/admin/portfolio', { cookie: `tanya_admin=${token}` });
      expect(response.status).toBe(401);
    }
  });

  it('signs out by clearing the cookie', async () => {
    const response = await api(fixture.server, '/api/auth/logout', { method: 'POST' });
    expect(response.status).toBe(200);
    const setCookie = adminCookieFrom(response.headers)!;
    expect(setCookie).toMatch(/^tanya_admin=;/);
    expect(setCookie).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });

  it('ends the session on sign-out: the same cookie no longer reads the admin API, admin pages or opens an admin socket', async () => {
    const cookie = await signInAsAdmin(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect((await api(fixture.server, '/api/admin/portfolio', { cookie })).status).toBe(200);
    (await connect(createClient(fixture.server, { extraHeaders: { cookie } }))).close();

    expect((await api(fixture.server, '/api/auth/logout', { method: 'POST', cookie })).status).toBe(200);

    const after = await api(fixture.server, '/api/admin/portfolio', { cookie });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
    const page = await api(fixture.server, '/admin/portfolio', { cookie });
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get('location')!, fixture.server.url).pathname).toBe('/admin/login');
    await expect(connect(createClient(fixture.server, { extraHeaders: { cookie } }))).rejects.toThrow('unauthorized');
    expect(fixture.server.logs).toContainEqual(expect.objectContaining({ security: 'admin signed out', userId: 1, everywhere: false }));
  });

  it('signs out this browser only: another session of the same admin keeps working', async () => {
    const leaving = await signInAsAdmin(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const staying = await signInAsAdmin(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await api(fixture.server, '/api/auth/logout', { method: 'POST', cookie: leaving });
    expect((await api(fixture.server, '/api/admin/portfolio', { cookie: staying })).status).toBe(200);
  });

  it('signs out everywhere: every session of the admin ends and its open admin sockets are disconnected at once', async () => {
    const here = await signInAsAdmin(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const elsewhere = await signInAsAdmin(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const openSocket = await connect(createClient(fixture.server, { extraHeaders: { cookie: elsewhere } }));
    const disconnected = waitFor<[string]>(openSocket, 'disconnect');

    const response = await api(fixture.server, '/api/auth/logout', { body: { everywhere: true }, cookie: here });
    expect(response.status).toBe(200);

    expect((await disconnected)[0]).toBe('io server disconnect');
    for (const cookie of [here, elsewhere]) expect((await api(fixture.server, '/api/admin/portfolio', { cookie })).status).toBe(401);
    await expect(connect(createClient(fixture.server, { extraHeaders: { cookie: elsewhere } }))).rejects.toThrow('unauthorized');
  });

  it('refuses to sign out everywhere without a live session', async () => {
    const response = await api(fixture.server, '/api/auth/logout', { body: { everywhere: true } });
    expect(response.status).toBe(401);
  });

  it('ends every session when admin:create resets the password, and its open admin sockets within the 30 s sweep', async () => {
    const cookie = await signInAsAdmin(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const openSocket = await connect(createClient(fixture.server, { extraHeaders: { cookie } }));
    const disconnected = waitFor<[string]>(openSocket, 'disconnect', 40_000);
    const reset = await promisify(execFile)(
      path.join(projectRoot, 'node_modules', '.bin', 'tsx'),
      ['src/cli/admin-create.ts', '--email', ADMIN_EMAIL, '--password', ADMIN_PASSWORD],
      { cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATA_DIR: fixture.server.dataDir, AUTH_SECRET, LOG_LEVEL: 'warn' } },
    );
    expect(reset.stdout).toContain('Reset the password');
    expect((await api(fixture.server, '/api/admin/portfolio', { cookie })).status).toBe(401);
    expect((await disconnected)[0]).toBe('io server disconnect');
  }, 70_000);

  it.each(['/admin/..//evil.example', '/.//evil.example', '/%2e%2e//evil.example', '/a/../\\evil.example', '/\\evil.example', '/\t/evil.example'])(
    'keeps the redirect after sign-in on this site for next=%j',
    async (next) => {
      const onSite = (location: string) => expect(new URL(location, fixture.server.url).origin).toBe(fixture.server.url);
      const cookie = await signInAsAdmin(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const signedIn = await api(fixture.server, `/admin/login?next=${encodeURIComponent(next)}`, { cookie });
      expect(signedIn.status).toBe(307);
      onSite(signedIn.headers.get('location')!);

      // Signed out, the form is given the same target to go to once the password is accepted.
      const form = await api(fixture.server, `/admin/login?next=${encodeURIComponent(next)}`);
      expect(form.status).toBe(200);
      const target = /redirectTo\\?":\\?"([^"\\]*)/.exec(form.body as string)?.[1];
      expect(target).toBeDefined();
      expect(target).toMatch(/^\/(?![/\\])/);
      onSite(target!);
    },
  );

  it('redirects admin pages to the login page when there is no valid session', async () => {
    const response = await api(fixture.server, '/admin/portfolio?tab=projects');
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!, fixture.server.url);
    expect(location.pathname).toBe('/admin/login');
    expect(location.searchParams.get('next')).toBe('/admin/portfolio?tab=projects');
  });

  it('lets the dashboard layout turn away a validly signed token whose user is gone', async () => {
    const response = await api(fixture.server, '/admin', { cookie: `tanya_admin=${await signToken({ sub: '999' })}` });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!, fixture.server.url).pathname).toBe('/admin/login');
  });

  it('sends a signed-in admin from /admin to the portfolio editor', async () => {
    const response = await api(fixture.server, '/admin', { cookie: await signInAsAdmin(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }) });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!, fixture.server.url).pathname).toBe('/admin/portfolio');
  });

  it('puts a per-request nonce CSP on public pages and uses it on Next scripts', async () => {
    const first = await api(fixture.server, '/');
    const second = await api(fixture.server, '/');
    const policy = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(first.body).toContain(`nonce="${nonce}"`);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
  });

  it('forbids framing the admin login page and offers no setup link once an admin exists', async () => {
    const response = await api(fixture.server, '/admin/login');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.body).not.toContain('href="/admin/setup"');
  });

  it('allows 5 failed logins per minute per IP, then answers 429 with Retry-After, however X-Forwarded-For changes', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await login(
        fixture.server,
        { email: ADMIN_EMAIL, password: WRONG_PASSWORD },
        { 'x-forwarded-for': `198.51.100.${attempt}` },
      );
      expect(response.status).toBe(401);
    }
    const spoofed = await login(fixture.server, { email: 'other@example.com', password: WRONG_PASSWORD }, { 'x-forwarded-for': '198.51.100.99' });
    expect(spoofed.status).toBe(429);
    expect(spoofed.body).toMatchObject({ success: false, code: 'rate_limit:login' });
    const retryAfter = Number(spoofed.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Even the right password waits: otherwise the 429 would tell an attacker nothing.
    expect((await login(fixture.server, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).status).toBe(429);

    const limited = fixture.server.logs.find((entry) => entry.security === 'login rate limited');
    expect(limited).toMatchObject({ ip: '127.0.0.1' });
    expect(JSON.stringify(fixture.server.logs)).not.toContain(WRONG_PASSWORD);
    expect(JSON.stringify(fixture.server.logs)).not.toContain(ADMIN_PASSWORD);
  });
});

describe('first-run setup over HTTP (no admin yet, behind one trusted proxy)', () => {
  const fixture = useProductionServer({ env: { TRUST_PROXY: '1' } });
  const owner = { name: 'Tanya Owner', email: 'owner@example.com', password: 'a long enough password' };

  it('offers setup while there is no admin', async () => {
    const setupPage = await api(fixture.server, '/admin/setup');
    expect(setupPage.status).toBe(200);
    expect((await api(fixture.server, '/admin/login')).body).toContain('href="/admin/setup"');
  });

  it('validates the setup form', async () => {
    const response = await api(fixture.server, '/api/auth/setup', { body: { name: '', email: 'x', password: 'short' } });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['email', 'name', 'password']);
  });

  it('refuses setup from a foreign Origin', async () => {
    const response = await api(fixture.server, '/api/auth/setup', { body: owner, headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('creates the first admin once and signs them in', async () => {
    const response = await api(fixture.server, '/api/auth/setup', { body: owner });
    expect(response.status).toBe(200);
    expect(response.body.data.user).toMatchObject({ name: owner.name, email: owner.email });
    const cookie = cookieHeader(adminCookieFrom(response.headers)!);
    expect((await api(fixture.server, '/api/admin/portfolio', { cookie })).status).toBe(200);

    const again = await api(fixture.server, '/api/auth/setup', { body: { ...owner, email: 'second@example.com' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ success: false, code: 'conflict:setup' });
    expect(adminCookieFrom(again.headers)).toBeUndefined();
  });

  it('stops offering setup once an admin exists', async () => {
    const setupPage = await api(fixture.server, '/admin/setup');
    expect(setupPage.status).toBe(307);
    expect(new URL(setupPage.headers.get('location')!, fixture.server.url).pathname).toBe('/admin/login');
    expect((await api(fixture.server, '/admin/login')).body).not.toContain('href="/admin/setup"');
  });

  it("does not let a stranger's failures lock the owner out of the address they last signed in from", async () => {
    const ownersAddress = { 'x-forwarded-for': '203.0.113.50' };
    expect((await login(fixture.server, { email: owner.email, password: owner.password }, ownersAddress)).status).toBe(200);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await login(fixture.server, { email: owner.email, password: WRONG_PASSWORD }, { 'x-forwarded-for': `198.51.100.${attempt}` });
      expect(response.status).toBe(401);
    }
    const stranger = await login(fixture.server, { email: owner.email, password: owner.password }, { 'x-forwarded-for': '198.51.100.77' });
    expect(stranger.status).toBe(429);
    expect((await login(fixture.server, { email: owner.email, password: owner.password }, ownersAddress)).status).toBe(200);
  });

  it('limits failures per email too, even when every attempt comes from another address', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await login(fixture.server, { email: owner.email, password: WRONG_PASSWORD }, { 'x-forwarded-for': `203.0.113.${attempt}` });
      expect(response.status).toBe(401);
    }
    const fresh = await login(fixture.server, { email: owner.email, password: owner.password }, { 'x-forwarded-for': '203.0.113.200' });
    expect(fresh.status).toBe(429);
    expect(fresh.headers.get('retry-after')).toBeTruthy();
    // Another account from another address is not affected.
    const other = await login(fixture.server, { email: 'someone@example.com', password: WRONG_PASSWORD }, { 'x-forwarded-for': '203.0.113.201' });
    expect(other.status).toBe(401);
  });
});
