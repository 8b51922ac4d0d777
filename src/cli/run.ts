import { closeDatabase } from '@/db';
import { logger } from '@/logger';

/**
 * Runs a CLI command: prints its failure as one readable line (no stack for
 * expected errors), always closes the database, and sets the exit code.
 */
export async function runCommand(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof CommandError) console.error(`error: ${error.message}`);
    else logger.error({ err: error }, error instanceof Error ? error.message : 'command failed');
  } finally {
    await closeDatabase();
  }
}

export class CommandError extends Error {
  override name = 'CommandError';
}
