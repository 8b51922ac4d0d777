import { databaseTarget } from '@/config/env';
import { processGlobals } from '@/server/process-globals';
import { openDatabase, type Database } from './client';
import { createRepository, type Repository } from './repository';

export type { Database } from './client';
export type { Repository } from './repository';

export function getDatabase(): Database {
  return (processGlobals.tanyaDatabase ??= openDatabase(databaseTarget));
}

export function getRepository(): Repository {
  return (processGlobals.tanyaRepository ??= createRepository(getDatabase()));
}

export async function closeDatabase(): Promise<void> {
  const database = processGlobals.tanyaDatabase;
  processGlobals.tanyaDatabase = undefined;
  processGlobals.tanyaRepository = undefined;
  await database?.close();
}
