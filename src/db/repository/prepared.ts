import type { ReadDb } from '../client';

type Preparable<R> = { prepare(): { execute(values?: Record<string, unknown>): R } };

/**
 * A hot query built once (with `sql.placeholder`s) and run with new values,
 * instead of building its SQL and preparing its statement on every call.
 * On SQLite a transaction runs on the one shared connection (`tx` is `db`),
 * so the statement prepared once serves every call. On MySQL a statement
 * prepared on the pool would run outside the caller's transaction: inside
 * one, the query is built on `tx` as before.
 *
 * Placeholder values reach the driver as they are (drizzle maps no column
 * types for them), so only ids, hashes and other plain values go through
 * placeholders; dates stay literal or are compared in code.
 */
export function preparedQuery<R>(db: ReadDb, build: (executor: ReadDb) => Preparable<R>) {
  let prepared: ReturnType<Preparable<R>['prepare']> | undefined;
  return (values: Record<string, unknown>, executor: ReadDb = db): R =>
    (executor === db ? (prepared ??= build(db).prepare()) : build(executor).prepare()).execute(values);
}
