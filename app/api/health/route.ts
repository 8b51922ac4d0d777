import { AppError } from '@/http/errors';
import { ok, route } from '@/http/server/response';
import { checkHealth } from '@/server/health';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const health = await checkHealth();
  if (health.db.status !== 'ok') throw new AppError('unavailable:database', { message: 'The database is unreachable.' });
  return ok(health, { headers: { 'Cache-Control': 'no-store' } });
});
