import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { closeConnections, openRedis, redisKey, whenReady, type RedisConnections } from '@/redis/client';
import { claimUnlessHeldByLiveInstance, watchInstances } from '@/redis/instances';
import { redisSkipReason, redisUrl } from '../helpers/redis';
import { useRedis } from './helpers';

const HEARTBEAT_MS = 100;
const CLAIM_MS = 60_000;

describe.skipIf(!redisUrl)(`live instances in Redis${redisUrl ? '' : ` (skipped: ${redisSkipReason})`}`, () => {
  const fixture = useRedis();

  /** Another instance on the same connections: what tells instances apart is their id. */
  const instance = (): RedisConnections => ({ ...fixture.redis, instanceId: randomUUID() });
  /** A watched instance, recording the deaths its heartbeat reports. */
  const watched = async () => {
    const redis = instance();
    const gone: string[] = [];
    const watch = await watchInstances(redis, (ids) => gone.push(...ids), HEARTBEAT_MS);
    return { redis, gone, watch };
  };

  it('an instance that dies without leaving is reported gone once, by exactly one survivor', async () => {
    const [a, b, c] = await Promise.all([watched(), watched(), watched()]);
    // Connections of its own, so it can die alone: with them gone its heartbeat stops and its leave fails, as under SIGKILL.
    const doomedRedis = openRedis(redisUrl!, fixture.redis.prefix);
    expect(await whenReady(doomedRedis, 5_000)).toBe(true);
    const doomed = await watchInstances(doomedRedis, () => undefined, HEARTBEAT_MS);
    await sleep(HEARTBEAT_MS * 5);
    expect([...a.gone, ...b.gone, ...c.gone]).toEqual([]);

    await closeConnections(doomedRedis);
    await doomed.close();
    await expect.poll(() => [...a.gone, ...b.gone, ...c.gone].length, { timeout: HEARTBEAT_MS * 10 }).toBeGreaterThan(0);
    await sleep(HEARTBEAT_MS * 5);
    expect([...a.gone, ...b.gone, ...c.gone]).toEqual([doomedRedis.instanceId]);
    await Promise.all([a.watch.close(), b.watch.close(), c.watch.close()]);
  });

  it('a graceful exit leaves at once and is nobody’s to recover', async () => {
    const survivor = await watched();
    const leaving = await watched();
    await leaving.watch.close();
    await sleep(HEARTBEAT_MS * 6);
    expect(survivor.gone).toEqual([]);
    await survivor.watch.close();
  });

  it('a claim is taken over from a dead instance (or none), never from a live one, and by one of two at once', async () => {
    const live = await watched();
    const taker = instance();
    const key = (name: string) => redisKey(fixture.redis, 'test-claim', name, randomUUID());

    const heldByLive = key('live');
    await fixture.redis.commands.set(heldByLive, live.redis.instanceId, 'PX', CLAIM_MS);
    expect(await claimUnlessHeldByLiveInstance(taker, heldByLive, CLAIM_MS)).toBe(false);
    expect(await fixture.redis.commands.get(heldByLive)).toBe(live.redis.instanceId);

    const heldByDead = key('dead');
    await fixture.redis.commands.set(heldByDead, 'an instance that is not alive', 'PX', CLAIM_MS);
    expect(await claimUnlessHeldByLiveInstance(taker, heldByDead, CLAIM_MS)).toBe(true);
    expect(await fixture.redis.commands.get(heldByDead)).toBe(taker.instanceId);
    expect(await fixture.redis.commands.pttl(heldByDead)).toBeGreaterThan(CLAIM_MS - 5_000);

    // Live racers (every instance beats before it claims): exactly one takes a free claim.
    const unclaimed = key('none');
    const racers = await Promise.all([watched(), watched(), watched()]);
    const won = await Promise.all(racers.map((racer) => claimUnlessHeldByLiveInstance(racer.redis, unclaimed, CLAIM_MS)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await fixture.redis.commands.get(unclaimed)).toBe(racers[won.indexOf(true)]!.redis.instanceId);
    await Promise.all(racers.map((racer) => racer.watch.close()));
    await live.watch.close();
  });
});
