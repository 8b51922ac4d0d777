import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from './build';

export type TestServer = {
  url: string;
  port: number;
  /** Process id of the server itself (started as `npm start` does: `node scripts/start.mjs`), or of `npm` with `viaNpm`. */
  pid: number;
  dataDir: string;
  /** Structured log lines the server printed so far. */
  logs: Record<string, unknown>[];
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  exited: () => Promise<number | null>;
};

/**
 * Starts the real production server the way `npm start` does (plain `node`
 * running the compiled server, no relay in between) on a free port, with
 * its own data folder, and resolves once it logs that it is listening.
 * `viaNpm` runs `npm start` itself, as the leader of its own process group
 * (what a supervisor or a terminal signals as a whole).
 */
export async function startTestServer(options: { env?: Record<string, string | undefined>; dataDir?: string; viaNpm?: boolean } = {}) {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-test-'));
  const [command, args] = options.viaNpm
    ? ['npm', ['start', '--silent']]
    : [process.execPath, ['--enable-source-maps', path.join(projectRoot, 'scripts', 'start.mjs')]];
  const child = spawn(command, args, {
    cwd: projectRoot,
    detached: options.viaNpm,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      // The bot gate stays on, at a cost the helpers in bot-gate.ts solve in a few milliseconds.
      CHAT_POW_COST: '20',
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const output: string[] = [];

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${output.join('\n')}`));
    }, 60_000);
    const onLine = (line: string) => {
      output.push(line);
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'Tanya is listening') {
        clearTimeout(timer);
        resolve(entry.port as number);
      }
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output.join('\n')}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    dataDir,
    logs,
    stop: (signal: NodeJS.Signals = 'SIGTERM') => stopProcess(child, signal),
    /** Resolves with the exit code once the process has exited (by whatever signal the test sent). */
    exited: () => stopProcess(child, null),
  } satisfies TestServer;
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals | null): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve(code);
    });
    if (signal) child.kill(signal);
  });
}

/** Tests assert on response bodies field by field, so the body is left loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = any;

/** JSON request helper: returns status, headers and the parsed body. */
export async function api(
  server: { url: string },
  pathname: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; cookie?: string } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  if (init.cookie) headers.cookie = init.cookie;
  const response = await fetch(`${server.url}${pathname}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    redirect: 'manual',
  });
  const text = await response.text();
  let body: JsonBody;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}

/** Signs in through the real login route and returns the Cookie header value for later requests. */
export async function signInAsAdmin(server: { url: string }, credentials: { email: string; password: string }) {
  const response = await api(server, '/api/auth/login', { body: credentials });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('tanya_admin='));
  if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return cookie.split(';')[0]!;
}
