import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';

describe('server lifecycle', () => {
  it('starts on an empty data folder: creates the SQLite file and a private AUTH_SECRET', async () => {
    const server = await startTestServer();
    try {
      expect(fs.existsSync(path.join(server.dataDir, 'tanya.db'))).toBe(true);
      const secretFile = path.join(server.dataDir, 'auth-secret');
      expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
      expect(server.logs.some((entry) => /AUTH_SECRET is not set/.test(String(entry.msg)))).toBe(true);
      expect(JSON.stringify(server.logs)).not.toContain(fs.readFileSync(secretFile, 'utf8').trim());
      expect((await api(server, '/api/health')).status).toBe(200);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(server.logs.some((entry) => entry.msg === 'stopped')).toBe(true);
  });

  it('keeps data and the generated secret across restarts', async () => {
    const first = await startTestServer();
    const secret = fs.readFileSync(path.join(first.dataDir, 'auth-secret'), 'utf8');
    await first.stop();
    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      expect(fs.readFileSync(path.join(second.dataDir, 'auth-secret'), 'utf8')).toBe(secret);
      expect(second.logs.some((entry) => /seeded the sample portfolio/.test(String(entry.msg)))).toBe(false);
    } finally {
      await second.stop();
    }
  });

  it('fails fast with a message that says how to fix a wrong variable', async () => {
    await expect(startTestServer({ env: { DATABASE_URL: 'postgres://localhost/db' } })).rejects.toThrow(
      /DATABASE_URL: must be file:<path> for SQLite or mysql:\/\//,
    );
    await expect(startTestServer({ env: { ADMIN_EMAIL: 'owner@example.com' } })).rejects.toThrow(
      /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/,
    );
    await expect(startTestServer({ env: { AUTH_SECRET: 'short' } })).rejects.toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it('rotates AUTH_SECRET without signing admins out while AUTH_SECRET_PREVIOUS holds the old one', async () => {
    const admin = { email: 'owner@example.com', password: 'correct horse battery staple' };
    const [oldSecret, newSecret] = ['o'.repeat(48), 'n'.repeat(48)];
    /** Runs `check` against a server started on `dataDir` with `env`; returns the data folder for the next start. */
    const withServer = async (env: Record<string, string>, dataDir: string | undefined, check: (server: TestServer) => Promise<void>) => {
      const server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ...env }, dataDir });
      try {
        await check(server);
        return server.dataDir;
      } finally {
        await server.stop();
      }
    };
    const portfolioStatus = async (server: TestServer) => (await api(server, '/api/admin/portfolio', { cookie })).status;

    let cookie = '';
    const dataDir = await withServer({ AUTH_SECRET: oldSecret }, undefined, async (server) => {
      cookie = await signInAsAdmin(server, admin);
    });
    await withServer({ AUTH_SECRET: newSecret, AUTH_SECRET_PREVIOUS: oldSecret }, dataDir, async (server) => {
      expect(await portfolioStatus(server)).toBe(200);
    });
    await withServer({ AUTH_SECRET: newSecret }, dataDir, async (server) => {
      expect(await portfolioStatus(server)).toBe(401);
    });
  }, 90_000); // three server starts

  it('answers unknown API routes with 404 and serves security headers', async () => {
    const server = await startTestServer();
    try {
      const response = await fetch(`${server.url}/`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('x-powered-by')).toBeNull();
      const missing = await fetch(`${server.url}/no-such-page`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toMatch(/nonce="[^"]+"/);
    } finally {
      await server.stop();
    }
  });
});
