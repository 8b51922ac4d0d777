import { closeDatabase } from '@/db';
import { logger } from '@/logger';
import { closeRedis, connectRedis } from '@/redis/client';

/**
 * Runs a CLI command: prints its failure as one readable line (no stack for
 * expected errors), always closes the database (and Redis), and sets the
 * exit code. With REDIS_URL a write here (portfolio:import) tells the running
 * instances to forget their cached copy, as a write through the site would.
 */
export async function runCommand(command: () => Promise<void>): Promise<void> {
  try {
    await connectRedis();
    await command();
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof CommandError) console.error(`error: ${error.message}`);
    else logger.error({ err: error }, error instanceof Error ? error.message : 'command failed');
  } finally {
    await Promise.all([closeDatabase(), closeRedis()]);
  }
}

export class CommandError extends Error {
  override name = 'CommandError';
}
