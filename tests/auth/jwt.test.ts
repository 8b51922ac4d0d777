import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_SESSION_SECONDS, adminTokenFromCookieHeader, signAdminToken, verifyAdminToken } from '@/auth/server/jwt';

const secret = new TextEncoder().encode('a'.repeat(48));
const otherSecret = new TextEncoder().encode('b'.repeat(48));
const session = { userId: 7, email: 'admin@example.com', name: 'Admin', sessionId: 'session-id-0123456789' };

afterEach(() => {
  vi.useRealTimers();
});

describe('admin JWT', () => {
  it('round-trips the session it was signed with', async () => {
    const token = await signAdminToken(session, secret);
    expect(await verifyAdminToken(token, secret)).toEqual(session);
  });

  it('rejects a token whose signature was tampered with', async () => {
    const token = await signAdminToken(session, secret);
    const [header, payload, signature] = token.split('.');
    const flipped = `${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    expect(await verifyAdminToken(`${header}.${payload}.${flipped}`, secret)).toBeNull();
  });

  it('rejects a token whose claims were edited', async () => {
    const token = await signAdminToken(session, secret);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: '1', email: 'evil@example.com', name: 'x', iss: 'tanya', aud: 'tanya', exp: 9e9 })).toString('base64url');
    expect(await verifyAdminToken(`${header}.${forged}.${signature}`, secret)).toBeNull();
  });

  it('rejects an expired token', async () => {
    const token = await signAdminToken(session, secret);
    vi.useFakeTimers({ now: Date.now() + (ADMIN_SESSION_SECONDS + 60) * 1000 });
    expect(await verifyAdminToken(token, secret)).toBeNull();
  });

  it('accepts a token until it expires (7 days)', async () => {
    const token = await signAdminToken(session, secret);
    vi.useFakeTimers({ now: Date.now() + (ADMIN_SESSION_SECONDS - 60) * 1000 });
    expect(await verifyAdminToken(token, secret)).toEqual(session);
  });

  it('rejects a token signed with another secret', async () => {
    const token = await signAdminToken(session, otherSecret);
    expect(await verifyAdminToken(token, secret)).toBeNull();
  });

  it('accepts the previous secret only while it is listed, during a rotation', async () => {
    const signedBeforeRotation = await signAdminToken(session, otherSecret);
    expect(await verifyAdminToken(signedBeforeRotation, [secret, otherSecret])).toEqual(session);
    expect(await verifyAdminToken(signedBeforeRotation, [secret])).toBeNull();
  });

  it('rejects tokens for another audience, without a subject or session id, or with another algorithm', async () => {
    const wrongAudience = await new SignJWT({ email: session.email, name: session.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('7')
      .setIssuer('tanya')
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(secret);
    const noSubject = await new SignJWT({ email: session.email, name: session.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('tanya')
      .setAudience('tanya')
      .setExpirationTime('1h')
      .sign(secret);
    const hs512 = await new SignJWT({ email: session.email, name: session.name })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('7')
      .setIssuer('tanya')
      .setAudience('tanya')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a'.repeat(64)));
    const noSessionId = await new SignJWT({ email: session.email, name: session.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('7')
      .setIssuer('tanya')
      .setAudience('tanya')
      .setExpirationTime('1h')
      .sign(secret);
    for (const token of [wrongAudience, noSubject, hs512, noSessionId]) expect(await verifyAdminToken(token, secret)).toBeNull();
  });

  it('treats a missing or malformed token as no session', async () => {
    expect(await verifyAdminToken(undefined, secret)).toBeNull();
    expect(await verifyAdminToken('', secret)).toBeNull();
    expect(await verifyAdminToken('not.a.jwt', secret)).toBeNull();
  });
});

describe('adminTokenFromCookieHeader', () => {
  it('finds the admin cookie among others', () => {
    expect(adminTokenFromCookieHeader('theme=light; tanya_admin=abc.def.ghi; other=1')).toBe('abc.def.ghi');
  });

  it('returns undefined when the cookie is absent', () => {
    expect(adminTokenFromCookieHeader('tanya_admin_old=x; theme=light')).toBeUndefined();
    expect(adminTokenFromCookieHeader(undefined)).toBeUndefined();
  });
});
