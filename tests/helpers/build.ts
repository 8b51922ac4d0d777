import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const sourceDirs = ['app', 'src', 'public'];
const sourceFiles = ['proxy.ts', 'next.config.ts', 'postcss.config.mjs', 'package.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Runs `next build` when there is no build or a source file is newer than it. */
export function ensureFreshBuild(): void {
  const buildId = path.join(projectRoot, '.next', 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...[...sourceDirs, ...sourceFiles].map((entry) => newestMtime(path.join(projectRoot, entry))));
  if (builtAt > changedAt) return;
  console.log('[tests] production build is missing or stale: running `next build`');
  const result = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed; the HTTP tests need a working build');
}

/** Compiles the custom server the way `npm run build` does (well under a second), so tests run today's sources. */
export function buildServerBundle(): void {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-server.mjs')], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the server bundle failed; the HTTP tests need it');
}
