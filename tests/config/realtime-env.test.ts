import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';
import { configFailure as failure, only } from './helpers';

/* REALTIME_DRIVER and the PUSHER_* variables fail at start-up with a message that says how to fix them. */

const credentials = { PUSHER_APP_ID: '123', PUSHER_KEY: 'key', PUSHER_SECRET: 'secret' };

describe('realtime configuration', () => {
  it('defaults to the embedded Socket.IO server, and ignores PUSHER_* until the pusher driver is chosen', () => {
    expect(parseEnv(only())).toMatchObject({ REALTIME_DRIVER: 'socket.io', PUSHER_USE_TLS: true });
    expect(parseEnv(only({ PUSHER_KEY: 'key' })).REALTIME_DRIVER).toBe('socket.io');
  });

  it('accepts Pusher Channels by cluster, or a self-hosted server by host, port and TLS choice', () => {
    expect(parseEnv(only({ REALTIME_DRIVER: 'pusher', ...credentials, PUSHER_CLUSTER: 'eu' }))).toMatchObject({
      REALTIME_DRIVER: 'pusher',
      PUSHER_CLUSTER: 'eu',
      PUSHER_USE_TLS: true,
    });
    expect(
      parseEnv(only({ REALTIME_DRIVER: 'pusher', ...credentials, PUSHER_HOST: 'soketi.internal', PUSHER_PORT: '6001', PUSHER_USE_TLS: 'false' })),
    ).toMatchObject({ PUSHER_HOST: 'soketi.internal', PUSHER_PORT: 6001, PUSHER_USE_TLS: false });
  });

  it('says what is missing or wrong', () => {
    expect(failure({ REALTIME_DRIVER: 'ably' })).toMatch(/REALTIME_DRIVER: must be socket\.io \(the embedded default\) or pusher/);
    expect(failure({ REALTIME_DRIVER: 'pusher', PUSHER_CLUSTER: 'eu' })).toMatch(/REALTIME_DRIVER: REALTIME_DRIVER=pusher needs PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET/);
    expect(failure({ REALTIME_DRIVER: 'pusher', ...credentials })).toMatch(/PUSHER_CLUSTER: .*exactly one of PUSHER_CLUSTER .* or PUSHER_HOST/);
    expect(failure({ REALTIME_DRIVER: 'pusher', ...credentials, PUSHER_CLUSTER: 'eu', PUSHER_HOST: 'soketi.internal' })).toMatch(/exactly one of/);
    expect(failure({ PUSHER_HOST: 'https://soketi.internal:6001' })).toMatch(/PUSHER_HOST: must be a host name or IP alone/);
    expect(failure({ PUSHER_PORT: '6001' })).toMatch(/PUSHER_PORT: PUSHER_PORT goes with PUSHER_HOST/);
    expect(failure({ PUSHER_USE_TLS: 'yes' })).toMatch(/PUSHER_USE_TLS: must be true or false/);
  });
});
