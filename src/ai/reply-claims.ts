import { logger } from '@/logger';
import { getRedis, redisKey, type RedisConnections } from '@/redis/client';
import { claimUnlessHeldByLiveInstance } from '@/redis/instances';

/*
 * Several instances (REDIS_URL): exactly one answers a visitor message, the
 * one that holds its claim. Without Redis this process is the only one, so
 * every claim is its own.
 */

/**
 * A claim lives while its reply is queued or running (renewed by the
 * instance that holds it) and lapses soon after that instance dies, so a
 * retry of the send can tell a reply still coming from one lost with it.
 */
const REPLY_CLAIM_MS = 30_000;

const claimKey = (redis: RedisConnections, messageId: number) => redisKey(redis, 'ai-reply-claim', messageId);

/** The first instance to claim a new visitor message answers it. */
export async function claimAutoReply(messageId: number): Promise<boolean> {
  const redis = getRedis();
  if (!redis) return true;
  try {
    const claimed = await redis.commands.set(claimKey(redis, messageId), redis.instanceId, 'PX', REPLY_CLAIM_MS, 'NX');
    return claimed === 'OK';
  } catch (error) {
    // Redis away: the instance that stored the message answers; a missing reply would be worse than a rare double.
    logger.warn({ err: error, messageId }, 'AI reply claimed without Redis');
    return true;
  }
}

/**
 * A question found unanswered after a process died: this instance answers
 * it unless a live instance holds its claim (and so is answering it). A
 * claim left behind by a dead instance is taken over without waiting for it
 * to lapse.
 */
export async function claimLostReply(messageId: number): Promise<boolean> {
  const redis = getRedis();
  if (!redis) return true;
  try {
    return await claimUnlessHeldByLiveInstance(redis, claimKey(redis, messageId), REPLY_CLAIM_MS);
  } catch (error) {
    // Redis away: answering is safe even if a live instance is too, as storing refuses a second answer to one question.
    logger.warn({ err: error, messageId }, 'AI reply claimed without Redis');
    return true;
  }
}

/** Keeps this instance's claim on `messageId` alive until its reply is done. */
export function holdClaim(messageId: number, done: Promise<void>): void {
  const redis = getRedis();
  if (!redis) return;
  const renew = setInterval(() => {
    redis.commands.pexpire(claimKey(redis, messageId), REPLY_CLAIM_MS).catch((error: unknown) => {
      logger.warn({ err: error, messageId }, 'AI reply claim not renewed');
    });
  }, REPLY_CLAIM_MS / 3);
  renew.unref();
  void done.finally(() => clearInterval(renew));
}
