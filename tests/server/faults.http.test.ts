import { afterEach, describe, expect, it } from 'vitest';
import { noRateLimits } from '../chat/realtime-helpers';
import { switchAiRepliesOff } from '../chat/helpers';
import { frozenWebSocket, inFlightSends, killUnderLoad, reconnectStorm } from '../helpers/faults';
import { signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { ADMIN, adminEnv } from '../helpers/production-server';

/*
 * Faults a self-hosted chat meets in real life, each small enough for CI:
 * every client cut off at once, the process killed mid-load, the process
 * group stopped by a supervisor, a client frozen at shutdown. Nothing
 * acknowledged may be lost or stored twice. `npm run bench:faults` runs the
 * same scenarios larger and prints the timings.
 */

/** How long the server lets in-flight work finish on SIGTERM (src/server/main.ts), plus the second it may take to close. */
const SHUTDOWN_LIMIT_MS = 11_000;

describe('under faults', () => {
  const env = { ...adminEnv, ...noRateLimits };
  let servers: TestServer[] = [];
  const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
    const server = await startTestServer({ ...options, env: { ...env, ...options.env } });
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    servers = [];
  });

  it('a reconnect storm: 100 visitors cut off at once get every missed message back once, and the owner sees every conversation', async () => {
    const server = await start();
    const cookie = await signInAsAdmin(server, ADMIN);
    await switchAiRepliesOff(server, cookie);
    const result = await reconnectStorm(server, cookie, { visitors: 100, missed: 2 });
    expect(result).toMatchObject({ visitors: 100, lost: 0, duplicated: 0, missingFromInbox: 0 });
  }, 60_000);

  it('SIGKILL under load: retried sends lose nothing acknowledged and store nothing twice', async () => {
    let dataDir: string | undefined;
    const result = await killUnderLoad(
      async (port) => {
        const server = await start({ dataDir, env: port ? { PORT: String(port) } : {} });
        dataDir = server.dataDir;
        if (!port) await switchAiRepliesOff(server, await signInAsAdmin(server, ADMIN));
        return server;
      },
      { visitors: 10, messages: 6 },
    );
    expect(result.acknowledged).toBe(60);
    expect(result).toMatchObject({ lost: 0, storedTwice: 0 });
  }, 60_000);

  it('SIGTERM to the whole process group of `npm start`: every request in flight is answered, then the server stops cleanly', async () => {
    const server = await start({ viaNpm: true });
    let exited: Promise<number | null> = Promise.resolve(null);
    const statuses = await inFlightSends(server, 20, async () => {
      exited = server.exited();
      process.kill(-server.pid, 'SIGTERM');
    });
    expect(statuses).toEqual(Array(20).fill(201));
    // npm itself dies of the signal; the server it started drains and stops on its own.
    await exited;
    await expect.poll(() => server.logs.some((entry) => entry.msg === 'stopped'), { timeout: SHUTDOWN_LIMIT_MS }).toBe(true);
    expect(server.logs.filter((entry) => entry.msg === 'shutting down')).toHaveLength(1);
  }, 60_000);

  it('a client frozen on its WebSocket does not hold the shutdown past its deadline', async () => {
    const server = await start();
    const frozen = await frozenWebSocket(server);
    const stoppedAt = performance.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(performance.now() - stoppedAt).toBeLessThan(SHUTDOWN_LIMIT_MS);
    frozen.destroy();
  }, 60_000);
});
