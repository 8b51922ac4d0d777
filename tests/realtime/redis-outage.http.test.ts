import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_NOTIFICATIONS_CHANNEL, type MessagePayload } from '@/realtime/channels';
import { deleteKeys, redisSkipReason, redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { useProductionServer } from '../helpers/production-server';
import { newVisitor, switchAiRepliesOff, visitorSend } from '../chat/helpers';
import { startCuttableProxy, type CuttableProxy } from '../chat/realtime-helpers';
import { connect, createClient, waitFor } from './helpers';

const MESSAGES_PER_MINUTE = 3;

/*
 * Redis going away must not take the site down: sends are stored and
 * answered, events still reach this instance's sockets, limits count in this
 * instance, and everything is shared again once Redis is back. The outage is
 * a TCP proxy in front of Redis that the test cuts.
 */
describe.skipIf(!redisUrl)(`a Redis outage${redisUrl ? '' : ` (skipped: ${redisSkipReason})`}`, () => {
  let proxy: CuttableProxy;
  const prefix = uniqueRedisPrefix();

  beforeAll(async () => {
    const target = new URL(redisUrl!);
    proxy = await startCuttableProxy({ port: Number(target.port || 6379) });
  });
  afterAll(async () => {
    await proxy?.close();
  });
  const fixture = useProductionServer({
    admin: true,
    env: () => ({
      REDIS_URL: `redis://127.0.0.1:${new URL(proxy.url).port}`,
      REDIS_KEY_PREFIX: prefix,
      CHAT_RATE_LIMIT_PER_MINUTE: String(MESSAGES_PER_MINUTE),
    }),
  });
  beforeAll(() => switchAiRepliesOff(fixture.server, fixture.adminCookie));

  it('keeps serving the chat while Redis is away, and shares state again once it is back', async () => {
    const admin = createClient(fixture.server, { extraHeaders: { cookie: fixture.adminCookie } });
    await connect(admin);
    expect(await admin.timeout(5_000).emitWithAck('subscribe', ADMIN_NOTIFICATIONS_CHANNEL)).toEqual({ ok: true });
    const reconnectedBefore = fixture.server.logs.filter((entry) => entry.msg === 'redis: connected').length;

    await proxy.cut();
    const token = await newVisitor(fixture.server);
    const alert = waitFor<[string, { message: MessagePayload }]>(admin, 'new-message-alert');
    const statuses: number[] = [];
    for (let i = 0; i <= MESSAGES_PER_MINUTE; i++) statuses.push((await visitorSend(fixture.server, token, { content: `during the outage ${i}` })).status);
    // Stored and answered; the limit still holds, counted in this instance.
    expect(statuses).toEqual([...Array(MESSAGES_PER_MINUTE).fill(201), 429]);
    expect((await alert)[1].message.content).toBe('during the outage 0');

    await proxy.restore();
    await expect.poll(() => fixture.server.logs.filter((entry) => entry.msg === 'redis: connected').length, { timeout: 20_000 }).toBeGreaterThanOrEqual(reconnectedBefore + 3);
    // Back: events flow, and the next visitor's counter is in Redis again (the outage's stayed in memory).
    const after = await newVisitor(fixture.server);
    const again = waitFor<[string, { message: MessagePayload }]>(admin, 'new-message-alert');
    expect((await visitorSend(fixture.server, after, { content: 'after the outage' })).status).toBe(201);
    expect((await again)[1].message.content).toBe('after the outage');
    const redis = new Redis(redisUrl!);
    try {
      expect(await redis.keys(`${prefix}rate:chat-send-session:*`)).toHaveLength(1);
      await deleteKeys(redis, prefix);
    } finally {
      redis.disconnect();
    }
    expect(fixture.server.logs.some((entry) => entry.msg === 'redis: rate limit counted in this instance only (Redis unavailable)')).toBe(true);
    admin.close();
  });
});
