import type { PresenceMember } from '@/realtime/channels';
import type { PresenceStore } from '@/realtime/server/presence';
import { logger } from '@/logger';
import { redisKey, type RedisConnections } from './client';

/*
 * Presence shared by every instance. Each member has a sorted set of its
 * sockets scored by when each entry expires, plus its name in a hash of
 * members. Instances refresh their own sockets' entries on a heartbeat, so
 * the sockets of an instance that dies without saying goodbye (SIGKILL,
 * power loss) expire on their own; the sweep that every instance runs then
 * removes the member if none of its sockets is left anywhere. The scripts run
 * atomically, so exactly one instance sees each member come or go and
 * announces it. Times come from Redis's clock, never from an instance's.
 */

const NOW = `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`;

/** KEYS: members hash, member's sockets. ARGV: member id, member JSON, socket id, ttl ms. Returns 1 when it is the member's first live socket. */
const JOIN_SCRIPT = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local first = redis.call('ZCARD', KEYS[2]) == 0 or redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if first then return 1 end
return 0`;

/** KEYS: members hash, member's sockets. ARGV: member id, socket id. Returns the member JSON when no live socket is left. */
const LEAVE_SCRIPT = `${NOW}
if redis.call('ZREM', KEYS[2], ARGV[2]) == 0 then return false end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) > 0 then return false end
local member = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[1], ARGV[1])
return member`;

/** KEYS: members hash. ARGV: prefix of the members' socket keys. Returns {members gone, members present} as JSON. */
const SWEEP_SCRIPT = `${NOW}
local gone, present = {}, {}
for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do
  local sockets = ARGV[1] .. id
  redis.call('ZREMRANGEBYSCORE', sockets, '-inf', now)
  local member = redis.call('HGET', KEYS[1], id)
  if redis.call('ZCARD', sockets) == 0 then
    redis.call('HDEL', KEYS[1], id)
    table.insert(gone, member)
  else
    table.insert(present, member)
  end
end
return {gone, present}`;

/** How often this instance refreshes its sockets and sweeps; an entry lives three beats without a refresh. */
const HEARTBEAT_MS = 10_000;

export function createRedisPresenceStore(
  redis: RedisConnections,
  channel: string,
  events: {
    /** A member came (back) online through a heartbeat: its entries had expired while Redis was unreachable. */
    onMemberReturned: (member: PresenceMember) => void;
    /** A member's sockets all expired (their instance went away): nobody else will announce it. */
    onMemberExpired: (member: PresenceMember) => void;
  },
  heartbeatMs = HEARTBEAT_MS,
): PresenceStore {
  const membersKey = redisKey(redis, 'presence', channel, 'members');
  const socketsKeyPrefix = redisKey(redis, 'presence', channel, 'sockets:');
  const ttlMs = 3 * heartbeatMs;
  /** This instance's sockets in the channel: the ones it keeps alive. */
  const local = new Map<string, PresenceMember>();
  const inFlight = new Set<Promise<unknown>>();

  const track = <T>(operation: Promise<T>): Promise<T> => {
    inFlight.add(operation);
    void operation.finally(() => inFlight.delete(operation)).catch(() => undefined);
    return operation;
  };
  const join = (socketId: string, member: PresenceMember) =>
    redis.commands.eval(JOIN_SCRIPT, 2, membersKey, socketsKeyPrefix + member.id, member.id, JSON.stringify(member), socketId, ttlMs);
  const sweep = async () => {
    const [gone, present] = (await redis.commands.eval(SWEEP_SCRIPT, 1, membersKey, socketsKeyPrefix)) as [string[], string[]];
    return { gone: gone.map((json) => JSON.parse(json) as PresenceMember), present: present.map((json) => JSON.parse(json) as PresenceMember) };
  };

  let closed = false;
  async function heartbeat() {
    for (const [socketId, member] of local) {
      if (closed) return;
      if ((await join(socketId, member)) === 1) events.onMemberReturned(member);
    }
    if (closed) return;
    for (const member of (await sweep()).gone) events.onMemberExpired(member);
  }
  const timer = setInterval(() => {
    track(heartbeat()).catch((error: unknown) => logger.warn({ err: error }, 'redis: presence heartbeat failed'));
  }, heartbeatMs);
  timer.unref();

  return {
    join(socketId, member) {
      local.set(socketId, member);
      return track(join(socketId, member).then((first) => first === 1));
    },
    leave(socketId) {
      const member = local.get(socketId);
      if (!member) return Promise.resolve(null);
      local.delete(socketId);
      return track(
        redis.commands
          .eval(LEAVE_SCRIPT, 2, membersKey, socketsKeyPrefix + member.id, member.id, socketId)
          .then((json) => (typeof json === 'string' ? (JSON.parse(json) as PresenceMember) : null)),
      );
    },
    members() {
      return track(
        sweep().then(({ gone, present }) => {
          for (const member of gone) events.onMemberExpired(member);
          return present;
        }),
      );
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
