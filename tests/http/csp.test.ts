import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, realtimeConnectSources } from '@/http/server/csp';

const connectSrc = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('connect-src'));

describe('the page CSP names exactly the realtime origin in use', () => {
  it('lets Socket.IO connect to this site only, on the scheme the page is on', () => {
    expect(realtimeConnectSources({ driver: 'socket.io', pageOrigins: ['https://site.example'] })).toEqual(['wss://site.example']);
    expect(realtimeConnectSources({ driver: 'socket.io', pageOrigins: ['http://127.0.0.1:3000'] })).toEqual(['ws://127.0.0.1:3000']);
  });

  it('adds the public origin when a proxy rewrites Host, once', () => {
    expect(
      realtimeConnectSources({ driver: 'socket.io', pageOrigins: ['http://10.0.0.5:3000', 'https://site.example', 'https://site.example'] }),
    ).toEqual(['ws://10.0.0.5:3000', 'wss://site.example']);
  });

  it('allows nothing for a Host header that is not a valid origin', () => {
    expect(realtimeConnectSources({ driver: 'socket.io', pageOrigins: ['http://[bad'] })).toEqual([]);
  });

  it('names the Pusher cluster or the self-hosted Pusher server', () => {
    expect(realtimeConnectSources({ driver: 'pusher', useTls: true, cluster: 'eu' })).toEqual(['wss://ws-eu.pusher.com']);
    expect(realtimeConnectSources({ driver: 'pusher', useTls: false, host: 'soketi.internal', port: 6001 })).toEqual([
      'ws://soketi.internal:6001',
      'wss://soketi.internal:6001',
    ]);
  });

  it('never allows any WebSocket host', () => {
    const policy = contentSecurityPolicy({ nonce: 'n', framing: 'self', development: false, realtimeSources: ['wss://site.example'] });
    expect(connectSrc(policy)).toBe("connect-src 'self' wss://site.example");
  });
});
