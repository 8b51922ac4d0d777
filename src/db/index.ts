import { databaseTarget } from '@/config/env';
import { openDatabase, type Database } from './client';
import { createRepository, type Repository } from './repository';

export type { Database } from './client';
export type { Repository } from './repository';

/*
 * Process-wide singletons on globalThis: the custom server and Next's bundle
 * each load this module, and they must share one connection pool.
 */
const globalForDb = globalThis as unknown as { tanyaDatabase?: Database; tanyaRepository?: Repository };

export function getDatabase(): Database {
  return (globalForDb.tanyaDatabase ??= openDatabase(databaseTarget));
}

export function getRepository(): Repository {
  return (globalForDb.tanyaRepository ??= createRepository(getDatabase()));
}

export async function closeDatabase(): Promise<void> {
  const database = globalForDb.tanyaDatabase;
  globalForDb.tanyaDatabase = undefined;
  globalForDb.tanyaRepository = undefined;
  await database?.close();
}
