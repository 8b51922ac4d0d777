import { describe, expect, it } from 'vitest';
import type { PresenceMember } from '@/realtime/channels';
import { createRedisPresenceStore } from '@/redis/presence';
import { redisSkipReason, redisUrl } from '../helpers/redis';
import { useRedis } from './helpers';

const owner: PresenceMember = { id: '1', name: 'Owner' };
const helper: PresenceMember = { id: '2', name: 'Helper' };
const HEARTBEAT_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!redisUrl)(`Redis presence store${redisUrl ? '' : ` (skipped: ${redisSkipReason})`}`, () => {
  const fixture = useRedis();
  let channel = 0;

  /** Two instances' stores on one channel, recording what each would announce from its heartbeat. */
  function instances() {
    const name = `presence-test-${++channel}`;
    const make = () => {
      const expired: PresenceMember[] = [];
      const returned: PresenceMember[] = [];
      const store = createRedisPresenceStore(
        fixture.redis,
        name,
        { onMemberExpired: (member) => expired.push(member), onMemberReturned: (member) => returned.push(member) },
        HEARTBEAT_MS,
      );
      return { store, expired, returned };
    };
    return { a: make(), b: make() };
  }

  it('announces a member once on its first socket and once after its last, across instances', async () => {
    const { a, b } = instances();
    expect(await a.store.join('socket-a1', owner)).toBe(true);
    expect(await b.store.join('socket-b1', owner)).toBe(false);
    expect(await a.store.join('socket-a2', owner)).toBe(false);
    expect(await b.store.join('socket-b2', helper)).toBe(true);
    expect((await a.store.members()).sort((x, y) => x.id.localeCompare(y.id))).toEqual([owner, helper]);

    expect(await a.store.leave('socket-a1')).toBeNull();
    expect(await b.store.leave('socket-b1')).toBeNull();
    expect(await a.store.leave('socket-a2')).toEqual(owner);
    expect(await b.store.members()).toEqual([helper]);
    expect(await a.store.leave('socket-a2')).toBeNull();
    await Promise.all([a.store.close(), b.store.close()]);
  });

  it('keeps members alive on the heartbeat', async () => {
    const { a, b } = instances();
    await a.store.join('socket-a', owner);
    await sleep(HEARTBEAT_MS * 6);
    expect(await b.store.members()).toEqual([owner]);
    expect([...a.expired, ...b.expired]).toEqual([]);
    await Promise.all([a.store.close(), b.store.close()]);
  });

  it('an instance that goes away without leaving: its admins expire, exactly one instance announces it', async () => {
    const { a, b } = instances();
    const c = instances().a; // another channel's store must not touch this one
    await a.store.join('socket-a', owner);
    await b.store.join('socket-b', helper);
    await a.store.close(); // stops its heartbeat, like SIGKILL: nothing is removed
    await sleep(HEARTBEAT_MS * 5);
    expect(b.expired).toEqual([owner]);
    expect(await b.store.members()).toEqual([helper]);
    expect(c.expired).toEqual([]);
    await Promise.all([b.store.close(), c.store.close()]);
  });

  it('an admin still connected elsewhere stays online when one instance goes away', async () => {
    const { a, b } = instances();
    await a.store.join('socket-a', owner);
    await b.store.join('socket-b', owner);
    await a.store.close();
    await sleep(HEARTBEAT_MS * 5);
    expect(b.expired).toEqual([]);
    expect(await b.store.members()).toEqual([owner]);
    expect(await b.store.leave('socket-b')).toEqual(owner);
    await b.store.close();
  });

  it('a member whose entries expired while the heartbeat failed is announced again when it recovers', async () => {
    const { a, b } = instances();
    await a.store.join('socket-a', owner);
    // What an outage longer than the entry's life looks like from Redis: the entries are gone.
    await fixture.redis.commands.del(...(await fixture.redis.commands.keys(`${fixture.redis.prefix}presence:presence-test-${channel}:*`)));
    await sleep(HEARTBEAT_MS * 2);
    expect(a.returned).toEqual([owner]);
    expect(await b.store.members()).toEqual([owner]);
    await Promise.all([a.store.close(), b.store.close()]);
  });
});
