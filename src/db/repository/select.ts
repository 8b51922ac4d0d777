import { getTableColumns, type Table } from 'drizzle-orm';

/** A table's columns for `select()`, but for `hidden`: the repository's rows leave out what callers never read. */
export function columnsWithout<T extends Table, K extends keyof T['_']['columns'] & string>(
  table: T,
  hidden: readonly K[],
): Omit<T['_']['columns'], K> {
  const columns: Record<string, unknown> = { ...getTableColumns(table) };
  for (const key of hidden) delete columns[key];
  return columns as Omit<T['_']['columns'], K>;
}

/** The one row a `.limit(1)` query found, or null. */
export async function firstOrNull<T>(rows: PromiseLike<T[]>): Promise<T | null> {
  const [row] = await rows;
  return row ?? null;
}
