import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzleMysql } from 'drizzle-orm/mysql2';
import { migrate as migrateMysql } from 'drizzle-orm/mysql2/migrator';
import { sql } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import type { DatabaseTarget } from '@/config/env';
import * as mysqlSchema from './schema/mysql';
import * as sqliteSchema from './schema/sqlite';

/**
 * The repository is written once, against the SQLite-typed tables. Both
 * dialects build and run the same select/insert/update/delete calls at run
 * time; the few places where they really differ (returning ids, transactions,
 * affected-row counts) go through the methods of `Database` below, so the
 * type-level pretence is confined to this file.
 */
export type Tables = typeof sqliteSchema;
export type Db = BetterSQLite3Database<Tables>;
/** What may run outside a transaction: reads only (see `Database.transaction`). */
export type ReadDb = Pick<Db, 'select' | 'selectDistinct' | '$count'>;
export type Dialect = DatabaseTarget['dialect'];

export interface Database {
  readonly dialect: Dialect;
  /** For reads. Writes have no other way in than `transaction`, which the types enforce. */
  readonly db: ReadDb;
  readonly tables: Tables;
  /** Inserts rows on `tx` and returns their generated ids, in order. */
  insertReturningIds(table: AnyTable, values: object[], tx: Db): Promise<number[]>;
  /**
   * Runs `work` atomically; every query inside must be built on the `tx` it
   * is given, and it must await nothing but those queries. On SQLite all
   * transactions share the one connection and run one after another, so
   * every write goes through here: a write issued from outside while a
   * transaction is open would otherwise join it, and vanish if it rolled back.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /** Rows matched by an update or delete, whichever dialect ran it. */
  affectedRows(result: unknown): number;
  /** True when `error` is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  ping(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

type AnyTable = Tables[keyof Tables];

const migrationsFolder = (dialect: Dialect) => path.join(process.cwd(), 'drizzle', dialect);

function openSqlite(file: string): Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new BetterSqlite3(file);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  const db = drizzleSqlite({ client, schema: sqliteSchema });

  // better-sqlite3 runs one synchronous connection, so a transaction is BEGIN
  // ... COMMIT on it, with transactions (and so all writes) queued one after
  // another. Reads outside may see a running transaction's rows before COMMIT.
  let queue: Promise<unknown> = Promise.resolve();
  // Prepared once: `exec` would compile these three statements again for every transaction.
  const begin = client.prepare('BEGIN IMMEDIATE');
  const commit = client.prepare('COMMIT');
  const rollback = client.prepare('ROLLBACK');

  return {
    dialect: 'sqlite',
    db,
    tables: sqliteSchema,
    async insertReturningIds(table, values, tx) {
      if (values.length === 0) return [];
      const rows = await tx
        .insert(table as typeof sqliteSchema.users)
        .values(values as (typeof sqliteSchema.users.$inferInsert)[])
        .returning({ id: sqliteSchema.users.id });
      return rows.map((row) => row.id);
    },
    transaction(work) {
      const run = queue.then(async () => {
        begin.run();
        try {
          const result = await work(db);
          commit.run();
          return result;
        } catch (error) {
          if (client.inTransaction) rollback.run();
          throw error;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    affectedRows: (result) => (result as { changes: number }).changes,
    isUniqueViolation: (error) =>
      hasCode(error, 'SQLITE_CONSTRAINT_UNIQUE') || hasCode(error, 'SQLITE_CONSTRAINT_PRIMARYKEY'),
    async ping() {
      db.run(sql`select 1`);
    },
    async migrate() {
      migrateSqlite(db, { migrationsFolder: migrationsFolder('sqlite') });
    },
    async close() {
      if (client.open) client.close();
    },
  };
}

/** Tries of a MySQL transaction chosen as a deadlock's victim (the work only runs queries, so running it again is safe). */
const MYSQL_DEADLOCK_ATTEMPTS = 4;

function openMysql(url: string): Database {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit: 10,
    timezone: 'Z',
    charset: 'utf8mb4',
    enableKeepAlive: true,
  });
  const db = drizzleMysql({ client: pool, schema: mysqlSchema, mode: 'default' });
  const typed = db as unknown as Db;

  return {
    dialect: 'mysql',
    db: typed,
    tables: mysqlSchema as unknown as Tables,
    async insertReturningIds(table, values, tx) {
      if (values.length === 0) return [];
      const rows = await (tx as unknown as typeof db)
        .insert(table as unknown as typeof mysqlSchema.users)
        .values(values as (typeof mysqlSchema.users.$inferInsert)[])
        .$returningId();
      return rows.map((row) => row.id);
    },
    async transaction(work) {
      // InnoDB picks a deadlock's victim and rolls it back whole: the standard answer is to run it again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction((tx) => work(tx as unknown as Db));
        } catch (error) {
          if (attempt >= MYSQL_DEADLOCK_ATTEMPTS || !hasCode(error, 'ER_LOCK_DEADLOCK')) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
        }
      }
    },
    affectedRows: (result) => {
      const header = Array.isArray(result) ? result[0] : result;
      return (header as { affectedRows: number }).affectedRows;
    },
    isUniqueViolation: (error) => hasCode(error, 'ER_DUP_ENTRY'),
    async ping() {
      await db.execute(sql`select 1`);
    },
    async migrate() {
      await migrateMysql(db, { migrationsFolder: migrationsFolder('mysql') });
    },
    async close() {
      await pool.end();
    },
  };
}

function hasCode(error: unknown, code: string): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === code) return true;
  }
  return false;
}

export function openDatabase(target: DatabaseTarget): Database {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openMysql(target.url);
}
