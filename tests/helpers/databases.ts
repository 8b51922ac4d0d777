import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { createRepository, type Repository } from '@/db/repository';

export const mysqlUrl = process.env.MYSQL_URL || undefined;

export const mysqlSkipReason =
  'MYSQL_URL is not set; set it (e.g. MYSQL_URL=mysql://root@127.0.0.1:3306/test) to run this suite on MySQL/MariaDB';

if (!mysqlUrl) console.warn(`[tests] MySQL runs skipped: ${mysqlSkipReason}`);

export type TestDatabase = { database: Database; url: string; drop: () => Promise<void> };

export async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-db-'));
  const file = path.join(dir, 'test.db');
  const database = openDatabase({ dialect: 'sqlite', file });
  return {
    database,
    url: `file:${file}`,
    drop: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, uniquely named database on the MYSQL_URL server, dropped afterwards. */
export async function createMysqlDatabase(): Promise<TestDatabase> {
  if (!mysqlUrl) throw new Error(mysqlSkipReason);
  const name = `tanya_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(mysqlUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(mysqlUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ dialect: 'mysql', url: url.toString() });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/** The dialects every conformance suite runs on: SQLite always, MySQL when configured. */
export const dialects = [
  { dialect: 'sqlite', create: createSqliteDatabase, skip: false },
  { dialect: 'mysql', create: createMysqlDatabase, skip: !mysqlUrl },
] as const;

/** For one describe block: a fresh, migrated database of that dialect and the repository over it, dropped afterwards. */
export function useMigratedRepository(create: () => Promise<TestDatabase>): { repository: Repository; database: Database } {
  const fixture = {} as { repository: Repository; database: Database; testDb?: TestDatabase };
  beforeAll(async () => {
    fixture.testDb = await create();
    fixture.database = fixture.testDb.database;
    await fixture.database.migrate();
    fixture.repository = createRepository(fixture.database);
  });
  afterAll(async () => {
    await fixture.testDb?.drop();
  });
  return fixture;
}
