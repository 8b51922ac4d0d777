import { env } from '@/config/env';
import { processGlobals } from '@/server/process-globals';
import type { Broadcaster } from './broadcaster-interface';
import { createPusherBroadcaster } from './pusher/rest-publisher';

export type { Broadcaster } from './broadcaster-interface';

/** Used until a transport registers itself (CLI scripts, tests without realtime): events go nowhere. */
const nullBroadcaster: Broadcaster = { publish: async () => undefined };

/** The custom server registers the transport (see process-globals.ts for why the registration is process-wide). */
export function registerBroadcaster(broadcaster: Broadcaster | undefined): void {
  processGlobals.tanyaBroadcaster = broadcaster;
}

/*
 * Pusher needs no server of ours, so nothing registers it: a serverless
 * function publishes through it as soon as it asks for the broadcaster.
 */
export function getBroadcaster(): Broadcaster {
  if (!processGlobals.tanyaBroadcaster && env.REALTIME_DRIVER === 'pusher') registerBroadcaster(createPusherBroadcaster());
  return processGlobals.tanyaBroadcaster ?? nullBroadcaster;
}
