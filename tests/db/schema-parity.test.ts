import { getTableConfig as getMysqlTableConfig, type MySqlTable } from 'drizzle-orm/mysql-core';
import { getTableConfig as getSqliteTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as mysqlSchema from '@/db/schema/mysql';
import * as sqliteSchema from '@/db/schema/sqlite';

/** The repository is written once, so both dialects must declare exactly the same tables, columns and indexes. */
function shapeOf(config: { name: string; columns: { name: string; notNull: boolean }[]; indexes: { config: { name: string; unique?: boolean; columns: unknown[] } }[] }) {
  return {
    table: config.name,
    columns: config.columns.map((column) => `${column.name}${column.notNull ? ' not null' : ''}`).sort(),
    indexes: config.indexes
      .map((index) => `${index.config.name}${index.config.unique ? ' unique' : ''} (${index.config.columns.length})`)
      .sort(),
  };
}

describe('schema parity between SQLite and MySQL', () => {
  const sqliteTables = Object.entries(sqliteSchema).sort(([a], [b]) => a.localeCompare(b));
  const mysqlTables = Object.entries(mysqlSchema).sort(([a], [b]) => a.localeCompare(b));

  it('declares the same tables', () => {
    expect(mysqlTables.map(([name]) => name)).toEqual(sqliteTables.map(([name]) => name));
  });

  for (const [name, table] of sqliteTables) {
    it(`declares the same columns and indexes for ${name}`, () => {
      const mysqlTable = (mysqlSchema as Record<string, unknown>)[name] as MySqlTable;
      expect(shapeOf(getMysqlTableConfig(mysqlTable))).toEqual(shapeOf(getSqliteTableConfig(table as SQLiteTable)));
    });
  }
});
