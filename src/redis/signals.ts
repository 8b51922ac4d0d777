import { logger } from '@/logger';
import { redisKey, type RedisConnections } from './client';

/*
 * Small server-to-server messages between instances over Redis pub/sub
 * (e.g. "stop the AI reply in conversation 7"). The sending instance acts on
 * its own signal directly, so each listener hears only the other instances.
 */

type Envelope<T> = { from: string; payload: T };

/**
 * Sent now or not at all (rejects while Redis is away): a signal that arrived
 * minutes late would act on a state that has moved on since.
 */
export async function sendSignal<T>(redis: RedisConnections, name: string, payload: T): Promise<void> {
  const envelope: Envelope<T> = { from: redis.instanceId, payload };
  await redis.commands.publish(redisKey(redis, 'signal', name), JSON.stringify(envelope));
}

/** Calls `handle` with every `name` signal another instance sends; resolves once subscribed. */
export async function onSignal<T>(redis: RedisConnections, name: string, handle: (payload: T) => void): Promise<void> {
  const channel = redisKey(redis, 'signal', name);
  // The subscriber connection also carries the Socket.IO adapter's channels: only ours are read here.
  redis.subscriber.on('message', (receivedOn: string, message: string) => {
    if (receivedOn !== channel) return;
    try {
      const envelope = JSON.parse(message) as Envelope<T>;
      if (envelope.from !== redis.instanceId) handle(envelope.payload);
    } catch (error) {
      logger.error({ err: error, channel }, 'redis: signal could not be handled');
    }
  });
  await redis.subscriber.subscribe(channel);
}
