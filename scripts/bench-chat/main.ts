/*
 * Chat benchmark (a script, not a test): `npm run bench:chat`.
 *
 * Measures, in one run and at the same load, a bare Socket.IO relay (the
 * floor for this stack: relay-server.mjs) and Tanya's production server:
 * N visitors on websockets each sending a message every --every seconds
 * (over the socket's `message:send` or `POST /api/chat/send`), the owner
 * answering every message of one visitor in --reply-every, and with
 * `--ai on` the built-in assistant answering the others. It prints
 * visitor → owner and owner → visitor latency, the assistant's first token
 * and reply, throughput, lost and duplicate messages, and the server's CPU
 * seconds and peak RSS, and the ratio of Tanya's p99 to the relay's.
 *
 *   --saturate       raise the rate step by step until p99 passes 100 ms
 *   --idle N         N visitors connected and silent: the server's memory
 *   --instances 2    several servers on one MySQL database and Redis
 *                    (MYSQL_URL, REDIS_URL), visitors round-robin
 *
 * Exits 1 when a message was lost or a request failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureFreshBuild } from '../../tests/helpers/build';
import { ms, percentile } from '../stats';
import { createLoad, memoryMiB, type StepFigures } from './load';
import { createHttpPool, startRelay, startTanya, type SendPath, type Target } from './targets';

const { values: args } = parseArgs({
  options: {
    visitors: { type: 'string', default: '300' },
    every: { type: 'string', default: '3' },
    duration: { type: 'string', default: '30' },
    send: { type: 'string', default: 'socket' },
    ai: { type: 'string', default: 'off' },
    baseline: { type: 'string', default: 'on' },
    saturate: { type: 'boolean', default: false },
    'step-seconds': { type: 'string', default: '10' },
    idle: { type: 'string' },
    'reply-every': { type: 'string', default: '5' },
    'http-connections': { type: 'string', default: '64' },
    instances: { type: 'string', default: '1' },
    url: { type: 'string' },
    pid: { type: 'string' },
    timeout: { type: 'string', default: '900' },
  },
  strict: true,
});

function positive(name: string, value: string | undefined, { integer = true } = {}): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    console.error(`--${name} must be a positive ${integer ? 'whole ' : ''}number (got ${value})`);
    process.exit(2);
  }
  return number;
}
function oneOf<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T {
  if (!choices.includes(value as T)) {
    console.error(`--${name} must be one of ${choices.join(', ')} (got ${value})`);
    process.exit(2);
  }
  return value as T;
}

const IDLE = args.idle === undefined ? null : positive('idle', args.idle);
const VISITORS = IDLE ?? positive('visitors', args.visitors);
const EVERY_MS = positive('every', args.every, { integer: false }) * 1000;
const DURATION_S = positive('duration', args.duration, { integer: false });
const SEND = oneOf<SendPath>('send', args.send, ['socket', 'http']);
const AI = oneOf('ai', args.ai, ['on', 'off']) === 'on';
const BASELINE = oneOf('baseline', args.baseline, ['on', 'off']) === 'on' && IDLE === null && !args.url;
const STEP_S = positive('step-seconds', args['step-seconds'], { integer: false });
const REPLY_EVERY = positive('reply-every', args['reply-every']);
const HTTP_CONNECTIONS = positive('http-connections', args['http-connections']);
const INSTANCES = positive('instances', args.instances);
const TIMEOUT_MS = positive('timeout', args.timeout) * 1000;
const SETUP_CONCURRENCY = 50;
/** Saturation: the p99 that counts as "still keeping up", and the total rates tried (visitor messages per second). */
const SATURATION_P99_MS = 100;
const SATURATION_RATES = [100, 200, 400, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000];
const ADMIN = {
  email: process.env.BENCH_ADMIN_EMAIL ?? 'bench@example.com',
  password: process.env.BENCH_ADMIN_PASSWORD ?? 'bench password that is long enough',
};

if (INSTANCES > 1 && (args.url || !process.env.MYSQL_URL || !process.env.REDIS_URL)) {
  console.error('--instances > 1 starts its own servers on MySQL and Redis: set MYSQL_URL and REDIS_URL (e.g. mysql://root@127.0.0.1:3306/test, redis://127.0.0.1:6379), without --url');
  process.exit(2);
}

/**
 * Every visitor costs one socket here and one in the server. Node cannot
 * raise its own limit, so when the soft limit is too low but the hard one
 * allows it, this script re-runs itself under `ulimit -n` (the servers, its
 * children, inherit it).
 */
function ensureFdLimit(): void {
  const needed = VISITORS + HTTP_CONNECTIONS + 256;
  const line = fs.readFileSync('/proc/self/limits', 'utf8').split('\n').find((row) => row.startsWith('Max open files'));
  const [soft, hard] = (line?.match(/\s(\d+|unlimited)\s+(\d+|unlimited)/)?.slice(1) ?? []).map((v) => (v === 'unlimited' ? Infinity : Number(v)));
  if (soft === undefined || hard === undefined || soft >= needed) return;
  if (hard < needed || process.env.BENCH_FD_RAISED) {
    console.error(
      `Open-file limit too low: ${VISITORS} visitors need about ${needed} descriptors in this process and in the server, ` +
        `but \`ulimit -n\` is ${soft} (hard limit ${hard}). Raise it (e.g. \`ulimit -n ${needed}\`) or run fewer --visitors.`,
    );
    process.exit(2);
  }
  console.log(`[bench] raising the open-file limit from ${soft} to ${needed} (ulimit is per process: re-running under it)`);
  const result = spawnSync('/bin/sh', ['-c', `ulimit -n ${needed} && exec "$@"`, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_FD_RAISED: '1' },
  });
  process.exit(result.status ?? 1);
}

// ── Report ────────────────────────────────────────────────────────────────

const figures = (sorted: number[]) =>
  sorted.length === 0 ? 'n/a' : `p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1)!)}  (n=${sorted.length})`;
const p99 = (step: StepFigures) => percentile(step.visitorToOwner, 99);

function report(target: Target, step: StepFigures): string[] {
  const memory = target.pids.map((pid) => memoryMiB(pid));
  return [
    `── ${target.name} (${SEND} send, ${target.bases.length} instance(s)) ──`,
    `  visitor → owner ms       ${figures(step.visitorToOwner)}`,
    `  owner → visitor ms       ${figures(step.ownerToVisitor)}`,
    ...(AI && target.storedMessages
      ? [`  AI first token ms        ${figures(step.aiFirstToken)}`, `  AI reply ms              ${figures(step.aiReply)}`, `  AI replies delivered     ${step.aiDelivered} of ${step.aiExpected}`]
      : []),
    `  throughput               ${(step.acknowledged / step.seconds).toFixed(1)} visitor messages/s acknowledged (planned ${step.plannedRate.toFixed(1)}/s) over ${step.seconds.toFixed(1)} s, +${step.ownerReplies} owner replies`,
    `  lost                     ${step.lost} visitor messages, ${step.ownerRepliesLost} owner replies (acknowledged, never received)`,
    `  duplicates at owner      ${step.duplicates}`,
    `  failed sends             ${step.failures.length}${step.failures.length ? ` (first: ${step.failures[0]})` : ''}`,
    `  server CPU               ${step.cpuSeconds.toFixed(1)} s over the step (${((step.cpuSeconds / step.seconds) * 100).toFixed(0)}% of one core)`,
    `  server RSS               ${memory.map((m) => `${m.rss.toFixed(0)} MiB now, ${m.peak.toFixed(0)} MiB peak`).join('; ') || 'n/a (pass --pid for an external server)'}`,
  ];
}

// ── Runs ──────────────────────────────────────────────────────────────────

const http = createHttpPool(HTTP_CONNECTIONS);
const problems: string[] = [];
const running: Target[] = [];

async function withTarget<T>(start: () => Promise<Target>, measure: (target: Target) => Promise<T>): Promise<T> {
  const target = await start();
  running.push(target);
  try {
    return await measure(target);
  } finally {
    running.splice(running.indexOf(target), 1);
    await target.stop();
  }
}

function check(target: Target, step: StepFigures) {
  if (step.lost > 0) problems.push(`${target.name}: ${step.lost} message(s) lost`);
  if (step.ownerRepliesLost > 0) problems.push(`${target.name}: ${step.ownerRepliesLost} owner replies lost`);
  if (step.failures.length > 0) problems.push(`${target.name}: ${step.failures.length} send(s) failed`);
  if (AI && target.storedMessages && step.aiDelivered < step.aiExpected) problems.push(`${target.name}: ${step.aiExpected - step.aiDelivered} AI replies not delivered`);
}

/** One steady load for --duration seconds; returns the step's figures. */
async function steady(target: Target, ai: boolean): Promise<StepFigures> {
  const load = createLoad(target, { visitors: VISITORS, replyEvery: REPLY_EVERY, ai, setupConcurrency: SETUP_CONCURRENCY });
  await load.connect();
  await load.prime();
  const step = await load.step(EVERY_MS, Math.max(1, Math.round((DURATION_S * 1000) / EVERY_MS)));
  console.log(report(target, step).join('\n'));
  check(target, step);
  const stored = await load.verifyStored();
  if (stored) {
    console.log(`  stored                   ${stored.visitorMessages} visitor messages of ${stored.expectedVisitorMessages} sent, ${stored.aiMessages} assistant messages`);
    if (stored.visitorMessages !== stored.expectedVisitorMessages) problems.push(`${target.name}: stored ${stored.visitorMessages} ≠ sent ${stored.expectedVisitorMessages}`);
  }
  return step;
}

/** Steps up the total rate until p99 passes the threshold; returns the highest rate that kept up. */
async function saturate(target: Target, ai: boolean): Promise<number> {
  const load = createLoad(target, { visitors: VISITORS, replyEvery: REPLY_EVERY, ai, setupConcurrency: SETUP_CONCURRENCY });
  await load.connect();
  await load.prime();
  let kept = 0;
  console.log(`── ${target.name}: saturation (${SEND} send, ${VISITORS} visitors, ${STEP_S} s a step, until p99 > ${SATURATION_P99_MS} ms) ──`);
  for (const rate of SATURATION_RATES) {
    const intervalMs = (VISITORS * 1000) / rate;
    const step = await load.step(intervalMs, Math.max(1, Math.round((STEP_S * 1000) / intervalMs)));
    const achieved = step.acknowledged / step.seconds;
    console.log(
      `  ${String(rate).padStart(5)}/s planned: ${achieved.toFixed(0).padStart(5)}/s acknowledged, visitor → owner ${figures(step.visitorToOwner)}, lost ${step.lost}, CPU ${step.cpuSeconds.toFixed(1)} s`,
    );
    check(target, step);
    if (p99(step) > SATURATION_P99_MS || step.lost > 0 || achieved < rate * 0.9) break;
    kept = achieved;
  }
  console.log(`  saturation: ${kept.toFixed(0)} visitor messages/s with visitor → owner p99 ≤ ${SATURATION_P99_MS} ms`);
  return kept;
}

async function idle(target: Target) {
  const load = createLoad(target, { visitors: VISITORS, replyEvery: REPLY_EVERY, ai: false, setupConcurrency: SETUP_CONCURRENCY });
  const started = performance.now();
  await load.connect();
  console.log(`[bench] ${VISITORS} visitors connected in ${((performance.now() - started) / 1000).toFixed(1)} s; idle for 10 s`);
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  for (const [index, pid] of target.pids.entries()) {
    const memory = memoryMiB(pid);
    console.log(`── ${target.name}: ${VISITORS} idle visitors ── server ${index + 1}: RSS ${memory.rss.toFixed(0)} MiB now, ${memory.peak.toFixed(0)} MiB peak`);
  }
}

async function main() {
  ensureFdLimit();
  const deadline = setTimeout(() => {
    console.error(`[bench] gave up after the global timeout of ${TIMEOUT_MS / 1000} s`);
    void shutdown(1);
  }, TIMEOUT_MS);
  deadline.unref();
  process.once('SIGINT', () => void shutdown(130));
  if (!args.url) ensureFreshBuild();

  const tanya = () => startTanya({ send: SEND, ai: AI, instances: INSTANCES, http, admin: ADMIN, url: args.url, pid: args.pid ? Number(args.pid) : undefined });
  const relay = () => startRelay({ send: SEND, http });
  console.log(
    `[bench] ${VISITORS} visitors, ${SEND} send, AI ${AI ? 'on (built-in provider)' : 'off'}, ${INSTANCES} instance(s)${INSTANCES > 1 ? ' on MySQL + Redis' : ', SQLite'}` +
      (IDLE ? ', idle' : args.saturate ? ', saturation' : `, one message every ${EVERY_MS / 1000} s each for ${DURATION_S} s`),
  );

  if (IDLE) {
    await withTarget(tanya, idle);
  } else if (args.saturate) {
    const floor = BASELINE ? await withTarget(relay, (target) => saturate(target, false)) : null;
    const ours = await withTarget(tanya, (target) => saturate(target, AI));
    if (floor !== null) console.log(`\nsaturation: Tanya ${ours.toFixed(0)}/s, bare relay ${floor.toFixed(0)}/s (${SEND} send)`);
  } else {
    const floor = BASELINE ? await withTarget(relay, (target) => steady(target, false)) : null;
    const ours = await withTarget(tanya, (target) => steady(target, AI));
    if (floor) {
      const ratio = (p: number) => (percentile(ours.visitorToOwner, p) / percentile(floor.visitorToOwner, p)).toFixed(1);
      console.log(`\nvisitor → owner, Tanya ÷ bare relay: p50 ${ratio(50)}×  p95 ${ratio(95)}×  p99 ${ratio(99)}×`);
    }
  }
  clearTimeout(deadline);
  if (problems.length > 0) console.error(`[bench] FAILED: ${problems.join('; ')}`);
  await shutdown(problems.length > 0 ? 1 : 0);
}

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  await Promise.allSettled(running.map((target) => target.stop()));
  http.destroy();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  void shutdown(1);
});
