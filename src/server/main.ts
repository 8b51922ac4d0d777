import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import next from 'next';
import { databaseTarget, env, isProduction } from '@/config/env';
import { closeLocalEnginePool } from '@/ai/local/engine-pool';
import type { RecoveryTrigger } from '@/ai/recovery';
import { drainReplyJobs } from '@/ai/queue';
import { followReplyCancellations } from '@/ai/cancellation';
import { getAuthSecret } from '@/auth/server/secret';
import { closeDatabase, getDatabase, getRepository } from '@/db';
import { prepareDatabase } from '@/db/bootstrap';
import { CLIENT_IP_HEADER, resolveClientIp, setClientIpStamping } from '@/http/server/client-ip';
import { refuseUndecodablePath } from '@/http/server/undecodable-path';
import { logger } from '@/logger';
import { isMailConfigured } from '@/notify/server/mailer';
import { startOutboxWorker } from '@/notify/server/outbox-worker';
import { closeRedis, connectRedis } from '@/redis/client';
import { watchInstances } from '@/redis/instances';
import { attachRealtime, type UpgradeHandler } from '@/realtime/server/socket-io/server';
import { followCacheInvalidations } from './process-cache';

const SHUTDOWN_GRACE_MS = 10_000;
/** After the work is done, how long WebSocket peers get to complete their close handshake. */
const SOCKET_CLOSE_GRACE_MS = 1_000;
/** A shutdown step that hangs (a database or Redis that stopped answering) must not keep the process. */
const SHUTDOWN_HARD_LIMIT_MS = SHUTDOWN_GRACE_MS + 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm start` promises a working site even on a fresh clone: build first when
 * there is no production build. A failed build leaves no build behind, so the
 * next start tries again instead of serving half a site.
 */
const hasProductionBuild = (dir: string) => fs.existsSync(path.join(dir, '.next', 'BUILD_ID'));

function ensureProductionBuild(dir: string): void {
  if (hasProductionBuild(dir)) return;
  logger.info('no production build found; running `next build` first (about a minute)');
  const nextBin = path.join(dir, 'node_modules', '.bin', 'next');
  const result = spawnSync(nextBin, ['build'], { cwd: dir, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    throw new Error('`next build` failed (see its output above); fix the error and run `npm start` again');
  }
}

/**
 * The recovery of AI replies lost with a process, loaded on first use: it
 * reaches the reply pipeline and, through it, `next/server`, which may only
 * load once Next is prepared (as the Socket.IO server's chat service does).
 */
const replyRecovery = () => import('@/ai/recovery');

/** Stamps the trusted client IP on the request; any client-sent value of that header is overwritten. */
function stampClientIp(req: IncomingMessage): void {
  req.headers[CLIENT_IP_HEADER] = resolveClientIp({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers['x-forwarded-for'],
    trustedHops: env.TRUST_PROXY,
  });
}

export async function startServer({ dev, dir = process.cwd() }: { dev: boolean; dir?: string }) {
  getAuthSecret();
  const database = getDatabase();
  const databaseReady = prepareDatabase(database, getRepository()).then(() =>
    logger.info(
      { dialect: database.dialect, ...(databaseTarget.dialect === 'sqlite' ? { file: databaseTarget.file } : {}) },
      'database ready',
    ),
  );
  // A build blocks this process for a minute: the database is ready (or has failed) first.
  if (!dev && !hasProductionBuild(dir)) {
    await databaseReady;
    ensureProductionBuild(dir);
  }
  /*
   * Next attaches its own 'upgrade' listener to the server of the first request
   * it serves (or to `httpServer`). Handing it this emitter instead keeps the
   * real server's upgrades ours to route: /socket.io/ to the realtime server,
   * anything else (dev HMR) is re-emitted here for Next.
   */
  const nextUpgrades = new EventEmitter();
  const app = next({ dev, dir, hostname: env.HOST ?? 'localhost', port: env.PORT, httpServer: nextUpgrades as unknown as Server });
  const handle = app.getRequestHandler();
  // A restart under load is back as soon as the slowest of these is ready, not their sum.
  // Several instances (REDIS_URL): shared state is in place before the first request or socket.
  const [, sharedState] = await Promise.all([databaseReady, connectRedis(), app.prepare()]);
  let inFlight = 0;
  let shuttingDown = false;
  if (sharedState) {
    followReplyCancellations().catch((error: unknown) => logger.error({ err: error }, 'redis: AI reply cancellations not followed'));
    followCacheInvalidations().catch((error: unknown) => logger.error({ err: error }, 'redis: cache invalidations not followed'));
  }

  // Replies that were running when a process died are answered again (or handed over) by a live one.
  const stopRecoveries = new AbortController();
  const recoveries = new Set<Promise<unknown>>();
  const recoverLostReplies = (trigger: RecoveryTrigger) => {
    const recovery = replyRecovery().then((module) => module.recoverLostReplies(trigger, stopRecoveries.signal));
    recoveries.add(recovery);
    void recovery.finally(() => recoveries.delete(recovery)).catch((error: unknown) => logger.error({ err: error, trigger }, 'AI reply recovery not run'));
  };
  // Before any reply is claimed here, so other instances see these claims as a live instance's.
  const instances = sharedState
    ? await watchInstances(sharedState, (gone) => {
        logger.info({ instances: gone.length }, 'instances gone without leaving; recovering their AI replies');
        if (!shuttingDown) recoverLostReplies('instance-gone');
      })
    : undefined;

  // Mail waiting in the outbox (from before a restart, or another instance's) goes out from here on.
  const outbox = isMailConfigured() ? startOutboxWorker() : undefined;

  setClientIpStamping(true);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (shuttingDown) res.setHeader('Connection', 'close');
    stampClientIp(req);
    if (refuseUndecodablePath(req, res, String(req.headers[CLIENT_IP_HEADER]))) return;
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'request handler failed');
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ success: false, error: 'Something went wrong on our side.', code: 'internal:server' }));
      }
    });
  });

  const upgradeNext: UpgradeHandler = (req, socket, head) => {
    if (nextUpgrades.listenerCount('upgrade') > 0) nextUpgrades.emit('upgrade', req, socket, head);
    else socket.destroy();
  };
  // With Pusher the browsers connect to Pusher, so this process serves no WebSocket of its own.
  const realtime = env.REALTIME_DRIVER === 'socket.io' ? attachRealtime(server, { otherUpgrades: upgradeNext }) : undefined;
  if (!realtime) {
    server.on('upgrade', upgradeNext);
    logger.info({ driver: env.REALTIME_DRIVER }, 'realtime through Pusher Channels; the embedded Socket.IO server is not attached');
  }

  // Every TCP connection, upgraded ones included, so shutdown can end them all.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info({ port, url: `http://localhost:${port}`, mode: dev ? 'development' : 'production' }, 'Tanya is listening');
  recoverLostReplies('start-up');

  /**
   * Stop accepting, tell realtime clients to reconnect (to the next process,
   * after a restart), let in-flight requests finish and AI replies be stored
   * (up to the grace period; replies still running then store their notice),
   * destroy whatever connection is left, then close the database. Upgraded
   * sockets (WebSockets) are not the HTTP server's to close: a frozen or
   * half-open client would hold engine.io's close handshake, and the process,
   * for half a minute, so every socket is tracked and destroyed here.
   */
  async function shutdown(signal: string): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal, inFlight }, 'shutting down');
    const deadline = Date.now() + SHUTDOWN_GRACE_MS;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await realtime?.close();
    while (inFlight > 0 && Date.now() < deadline) {
      await sleep(50);
      server.closeIdleConnections();
    }
    stopRecoveries.abort();
    await Promise.allSettled([...recoveries]);
    // The mail being sent finishes (and records itself as sent); the rest wait in the outbox for the next start.
    await Promise.all([drainReplyJobs(deadline), outbox?.stop()]);
    // Only now: while replies were draining, other instances had to see this one's claims as a live instance's.
    await instances?.close();
    // Only once no reply can need them any more.
    await closeLocalEnginePool();
    server.closeAllConnections();
    // Healthy peers answer the WebSocket close at once; the rest are cut.
    const lingerUntil = Math.min(deadline, Date.now() + SOCKET_CLOSE_GRACE_MS);
    while (sockets.size > 0 && Date.now() < lingerUntil) await sleep(20);
    if (sockets.size > 0) logger.warn({ sockets: sockets.size }, 'destroying connections still open at shutdown');
    for (const socket of sockets) socket.destroy();
    await closed;
    await app.close?.();
    await closeRedis();
    await closeDatabase();
    logger.info('stopped');
  }

  return { server, port, shutdown };
}

export async function startFromCommandLine(): Promise<void> {
  try {
    const { shutdown } = await startServer({ dev: !isProduction });
    /*
     * `on`, not `once`: a process group signalled as a whole (Ctrl-C,
     * `systemctl stop`) may deliver the signal twice (directly, and relayed
     * by npm), and a second one with no listener would kill the drain.
     */
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => {
        logger.error({ signal }, 'shutdown did not finish in time; exiting');
        process.exit(1);
      }, SHUTDOWN_HARD_LIMIT_MS).unref();
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stop);
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
    await closeDatabase().catch(() => undefined);
    process.exit(1);
  }
}
