import { env } from '@/config/env';
import type { PublicRealtimeConfig } from '../client/realtime-config';

/** The realtime settings a page may see: the driver and, for Pusher, the app key and where to connect. */
export function publicRealtimeConfig(): PublicRealtimeConfig {
  if (env.REALTIME_DRIVER !== 'pusher') return { driver: 'socket.io' };
  return {
    driver: 'pusher',
    key: env.PUSHER_KEY!,
    forceTLS: env.PUSHER_USE_TLS,
    ...(env.PUSHER_HOST ? { host: env.PUSHER_HOST, ...(env.PUSHER_PORT ? { port: env.PUSHER_PORT } : {}) } : { cluster: env.PUSHER_CLUSTER! }),
  };
}
