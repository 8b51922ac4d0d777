import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { createRepository, type Repository } from '@/db/repository';
import type { TestDatabase } from './databases';
import { signInAsAdmin, startTestServer, type TestServer } from './server';

/** The owner account the suites sign in with (created by the server from ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };
export const adminEnv = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

type Env = Record<string, string | undefined>;

/** The server's own SQLite file, opened alongside it (WAL allows a second connection), for tests that seed or inspect rows. */
export function openServerDatabase(server: { dataDir: string }): { database: Database; repository: Repository } {
  const database = openDatabase({ dialect: 'sqlite', file: path.join(server.dataDir, 'tanya.db') });
  return { database, repository: createRepository(database) };
}

export type ProductionServerOptions = {
  /** On top of the test defaults; a function when it depends on something an earlier `beforeAll` started. */
  env?: Env | (() => Env);
  /** Creates the owner account (ADMIN) and signs it in: `adminCookie`. */
  admin?: boolean;
  /** The server's database (DATABASE_URL), created before it starts and dropped after; its own SQLite file when left out. */
  database?: () => Promise<TestDatabase>;
  /** Opens the server's database from the test as well: `repository`. */
  repository?: boolean;
};

export type ProductionServer = {
  server: TestServer;
  /** The signed-in owner's Cookie header value (with `admin`). */
  adminCookie: string;
  /** The server's database, opened from the test (with `repository`, or with `database`). */
  repository: Repository;
  /** The connection behind `repository` (with `repository`), for the rare test that reads a table directly. */
  database: Database;
  testDb: TestDatabase;
  /** Stops the server (SIGTERM) and starts it again on the same port and data, signed in again; resolves with the stop's exit code. */
  restart(): Promise<number | null>;
};

/**
 * For one describe block: the real production server, started before its
 * tests and stopped after them (hooks run in reverse, so the suite's own
 * `afterAll`, registered later, still sees it running).
 */
export function useProductionServer(options: ProductionServerOptions = {}): ProductionServer {
  let opened: Database | undefined;
  const envOf = (fixture: ProductionServer): Env => ({
    ...(options.database ? { DATABASE_URL: fixture.testDb.url } : {}),
    ...(options.admin ? adminEnv : {}),
    ...(typeof options.env === 'function' ? options.env() : options.env),
  });
  const signIn = async (fixture: ProductionServer) => {
    if (options.admin) fixture.adminCookie = await signInAsAdmin(fixture.server, ADMIN);
  };

  const fixture = {
    async restart() {
      const { dataDir, port } = fixture.server;
      const code = await fixture.server.stop('SIGTERM');
      fixture.server = await startTestServer({ dataDir, env: { ...envOf(fixture), PORT: String(port) } });
      await signIn(fixture);
      return code;
    },
  } as ProductionServer;

  beforeAll(async () => {
    if (options.database) fixture.testDb = await options.database();
    fixture.server = await startTestServer({ env: envOf(fixture) });
    if (options.database) fixture.repository = createRepository(fixture.testDb.database);
    else if (options.repository) ({ database: opened, repository: fixture.repository } = openServerDatabase(fixture.server));
    if (opened) fixture.database = opened;
    await signIn(fixture);
  });
  afterAll(async () => {
    await opened?.close();
    await fixture.server?.stop();
    await fixture.testDb?.drop();
  });
  return fixture;
}
