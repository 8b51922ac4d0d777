import { getDatabase } from '@/db';
import { logger } from '@/logger';

export type ComponentHealth = { status: 'ok' | 'error' | 'disabled'; detail?: string };
export type Health = { db: ComponentHealth & { dialect: string }; realtime: ComponentHealth; ai: ComponentHealth };

/**
 * What GET /api/health reports. Realtime and AI are reported as disabled
 * until their layers exist; they register their own checks then.
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
  return { db, realtime: { status: 'disabled' }, ai: { status: 'disabled' } };
}
