import { describe, expect, it } from 'vitest';
import { connect, createClient, createVisitor } from './helpers';
import { useProductionServer } from '../helpers/production-server';

describe('realtime handshake', () => {
  const fixture = useProductionServer({ admin: true, repository: true });

  it('refuses a connection without credentials, with a clear error, and logs it with the client IP', async () => {
    const socket = createClient(fixture.server);
    await expect(connect(socket)).rejects.toMatchObject({ message: 'unauthorized', data: { reason: 'no credentials' } });
    socket.close();
    await expect.poll(() => fixture.server.logs.some((entry) => entry.security === 'realtime handshake refused' && entry.ip === '127.0.0.1')).toBe(true);
  });

  it('refuses an unknown or malformed visitor token and never logs it', async () => {
    const unknown = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    for (const sessionToken of [unknown, 'not-a-token', 42]) {
      const socket = createClient(fixture.server, { auth: { sessionToken } });
      await expect(connect(socket)).rejects.toMatchObject({ message: 'unauthorized', data: { reason: 'unknown or expired session token' } });
      socket.close();
    }
    expect(JSON.stringify(fixture.server.logs)).not.toContain(unknown);
  });

  it('accepts a live visitor token', async () => {
    const visitor = await createVisitor(fixture.repository);
    const socket = await connect(createClient(fixture.server, { auth: { sessionToken: visitor.token } }));
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('accepts the admin cookie from a same-site page or a non-browser client', async () => {
    const variants: Record<string, string>[] = [{ cookie: fixture.adminCookie }, { cookie: fixture.adminCookie, origin: fixture.server.url }];
    for (const headers of variants) {
      const socket = await connect(createClient(fixture.server, { extraHeaders: headers }));
      expect(socket.connected).toBe(true);
      socket.close();
    }
  });

  it('refuses the admin cookie riding a handshake from a foreign origin', async () => {
    const socket = createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie, origin: 'https://evil.example' } });
    await expect(connect(socket)).rejects.toMatchObject({ message: 'unauthorized', data: { reason: 'foreign origin with admin cookie' } });
    socket.close();
    await expect.poll(() => fixture.server.logs.some((entry) => entry.security === 'realtime handshake refused' && entry.origin === 'https://evil.example')).toBe(true);
  });

  it('refuses a forged admin cookie', async () => {
    const socket = createClient(fixture.server, { extraHeaders: { cookie: 'tanya_admin=eyJhbGciOiJIUzI1NiJ9.e30.forged' } });
    await expect(connect(socket)).rejects.toMatchObject({ message: 'unauthorized', data: { reason: 'invalid admin token' } });
    socket.close();
  });
});
