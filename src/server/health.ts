import { checkAiHealth } from '@/ai/service';
import { env } from '@/config/env';
import { getDatabase } from '@/db';
import { logger } from '@/logger';
import { isRealtimeAttached } from '@/realtime/server/health';

export type ComponentHealth = { status: 'ok' | 'error' | 'disabled'; detail?: string };
export type Health = {
  db: ComponentHealth & { dialect: string };
  realtime: ComponentHealth & { driver: typeof env.REALTIME_DRIVER };
  ai: ComponentHealth;
};

/** Pusher is a hosted service: nothing of ours is attached, the app's credentials are what is configured. */
function pusherHealth(): Health['realtime'] {
  const target = env.PUSHER_HOST ? `${env.PUSHER_HOST}${env.PUSHER_PORT ? `:${env.PUSHER_PORT}` : ''}` : `cluster ${env.PUSHER_CLUSTER}`;
  return { status: 'ok', driver: 'pusher', detail: `publishing through Pusher (${target}); the embedded Socket.IO server is not attached` };
}

/**
 * What GET /api/health reports. Realtime names its driver: Socket.IO is ok
 * once the custom server has attached it, Pusher once it is configured. AI
 * is ok while auto-reply is on (the detail names the provider answering)
 * and disabled while it is switched off.
 */
export async function checkHealth(): Promise<Health> {
  const database = getDatabase();
  let db: Health['db'];
  try {
    await database.ping();
    db = { status: 'ok', dialect: database.dialect };
  } catch (error) {
    logger.error({ err: error }, 'health check: database ping failed');
    db = { status: 'error', dialect: database.dialect, detail: 'database unreachable' };
  }
  const realtime: Health['realtime'] =
    env.REALTIME_DRIVER === 'pusher'
      ? pusherHealth()
      : { status: isRealtimeAttached() ? 'ok' : 'disabled', driver: 'socket.io' };
  let ai: ComponentHealth;
  try {
    ai = db.status === 'ok' ? await checkAiHealth() : { status: 'error', detail: 'settings unreadable without the database' };
  } catch (error) {
    logger.error({ err: error }, 'health check: AI settings could not be read');
    ai = { status: 'error', detail: 'settings unreadable' };
  }
  return { db, realtime, ai };
}
