import { checkAiHealth } from '@/ai/service';
import { getDatabase } from '@/db';
import { logger } from '@/logger';
import { isRealtimeAttached } from '@/realtime/health';

export type ComponentHealth = { status: 'ok' | 'error' | 'disabled'; detail?: string };
export type Health = { db: ComponentHealth & { dialect: string }; realtime: ComponentHealth; ai: ComponentHealth };

/**
 * What GET /api/health reports. Realtime is ok once the custom server has
 * attached it; AI is ok while auto-reply is on (the detail names the
 * provider answering) and disabled while it is switched off.
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
  const realtime: ComponentHealth = isRealtimeAttached() ? { status: 'ok' } : { status: 'disabled' };
  let ai: ComponentHealth;
  try {
    ai = db.status === 'ok' ? await checkAiHealth() : { status: 'error', detail: 'settings unreadable without the database' };
  } catch (error) {
    logger.error({ err: error }, 'health check: AI settings could not be read');
    ai = { status: 'error', detail: 'settings unreadable' };
  }
  return { db, realtime, ai };
}
