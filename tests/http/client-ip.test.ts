import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, getClientIp, normalizeIp, resolveClientIp, setClientIpStamping } from '@/http/server/client-ip';

describe('resolveClientIp', () => {
  it('uses the socket peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientIp({ remoteAddress: '203.0.113.9', forwardedFor: '198.51.100.1', trustedHops: 0 })).toBe('203.0.113.9');
  });

  it('takes the address one hop left of the trusted proxy', () => {
    expect(resolveClientIp({ remoteAddress: '10.0.0.2', forwardedFor: '198.51.100.1', trustedHops: 1 })).toBe('198.51.100.1');
  });

  it('ignores entries a client prepended to X-Forwarded-For', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; nginx appended the real address.
    expect(resolveClientIp({ remoteAddress: '10.0.0.2', forwardedFor: '1.2.3.4, 198.51.100.1', trustedHops: 1 })).toBe('198.51.100.1');
  });

  it('walks as many hops as are trusted, across repeated headers', () => {
    expect(
      resolveClientIp({ remoteAddress: '10.0.0.3', forwardedFor: ['1.2.3.4, 198.51.100.1', '10.0.0.2'], trustedHops: 2 }),
    ).toBe('198.51.100.1');
  });

  it('stops at the leftmost entry when fewer hops arrived than are trusted', () => {
    expect(resolveClientIp({ remoteAddress: '10.0.0.2', forwardedFor: undefined, trustedHops: 2 })).toBe('10.0.0.2');
  });

  it('answers "unknown" for a forwarded value that is not an IP', () => {
    expect(resolveClientIp({ remoteAddress: '10.0.0.2', forwardedFor: 'evil<script>', trustedHops: 1 })).toBe('unknown');
  });
});

describe('normalizeIp', () => {
  it('unmaps IPv4-mapped IPv6 and strips brackets', () => {
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normalizeIp(undefined)).toBe('unknown');
  });
});

describe('getClientIp', () => {
  afterEach(() => setClientIpStamping(false));

  it('reads the header the custom server stamped, not X-Forwarded-For', () => {
    setClientIpStamping(true);
    const request = new Request('http://localhost/', {
      headers: { [CLIENT_IP_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.2.3.4' },
    });
    expect(getClientIp(request)).toBe('203.0.113.9');
  });

  it('never trusts that header without the custom server (serverless): X-Forwarded-For counts only as far as TRUST_PROXY allows', () => {
    const request = new Request('http://localhost/', {
      headers: { [CLIENT_IP_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.2.3.4, 198.51.100.1' },
    });
    expect(getClientIp(request, 0)).toBe('unknown');
    expect(getClientIp(request, 1)).toBe('198.51.100.1');
  });
});
