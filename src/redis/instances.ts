import { logger } from '@/logger';
import { redisKey, type RedisConnections } from './client';

/*
 * Which instances are alive, shared by all of them: a sorted set of instance
 * ids scored by when each entry expires. Every instance refreshes its own
 * entry on a heartbeat, so an instance that dies without leaving (SIGKILL,
 * power loss) expires on its own, like its admins' presence
 * (src/redis/presence.ts). The heartbeat also removes the expired entries, in
 * one script, so exactly one surviving instance learns of each death and can
 * pick up what the dead one left unfinished. Times come from Redis's clock.
 */

const NOW = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`;

/** KEYS: instances. ARGV: this instance's id, ttl ms. Returns the ids of the instances that expired since the last beat anywhere. */
const BEAT_SCRIPT = `${NOW}
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return gone`;

/**
 * KEYS: claim, instances. ARGV: this instance's id, claim ttl ms. Takes the
 * claim unless another instance holds it and is alive. Returns 1 when taken.
 */
const TAKE_OVER_SCRIPT = `${NOW}
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  local expires = redis.call('ZSCORE', KEYS[2], holder)
  if expires and tonumber(expires) > now then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** How often each instance says it is alive; an entry lives three beats without one. */
const HEARTBEAT_MS = 10_000;

const instancesKey = (redis: RedisConnections) => redisKey(redis, 'instances');

export type InstanceWatch = {
  /** Stops the heartbeat and leaves the set: a graceful exit is nobody's to recover. */
  close: () => Promise<void>;
};

/**
 * At start-up, with several instances: says this instance is alive (at once
 * and on every beat) and calls `onInstancesGone` with the instances that
 * expired, on exactly one surviving instance each. Resolves after the first
 * beat, so claims this instance takes afterwards are known to be a live one's.
 */
export async function watchInstances(
  redis: RedisConnections,
  onInstancesGone: (instanceIds: string[]) => void,
  heartbeatMs = HEARTBEAT_MS,
): Promise<InstanceWatch> {
  const ttlMs = 3 * heartbeatMs;
  let closed = false;
  let beating: Promise<void> = Promise.resolve();
  const beat = async () => {
    const gone = (await redis.commands.eval(BEAT_SCRIPT, 1, instancesKey(redis), redis.instanceId, ttlMs)) as string[];
    if (gone.length > 0 && !closed) onInstancesGone(gone);
  };
  const beatLogged = () =>
    beat().catch((error: unknown) => {
      logger.warn({ err: error }, 'redis: instance heartbeat failed');
    });
  await (beating = beatLogged());
  const timer = setInterval(() => {
    beating = beatLogged();
  }, heartbeatMs);
  timer.unref();
  return {
    async close() {
      closed = true;
      clearInterval(timer);
      await beating;
      await redis.commands.zrem(instancesKey(redis), redis.instanceId).catch((error: unknown) => {
        logger.warn({ err: error }, 'redis: instance did not leave the live set; it expires on its own');
      });
    },
  };
}

/**
 * Takes `key` (a claim whose value is the holder's instance id) for this
 * instance, unless another instance holds it and is still alive: what a
 * dead instance claimed can be picked up before its claim lapses, and of two
 * instances doing so at once exactly one gets it.
 */
export async function claimUnlessHeldByLiveInstance(redis: RedisConnections, key: string, ttlMs: number): Promise<boolean> {
  return (await redis.commands.eval(TAKE_OVER_SCRIPT, 2, key, instancesKey(redis), redis.instanceId, ttlMs)) === 1;
}
