/*
 * Compiles the custom server (server.ts and what it imports from src/) into
 * one plain JavaScript file, so production runs under `node` itself and
 * receives signals directly: under `tsx` a relay re-sends SIGTERM and then
 * SIGKILLs a busy server before its drain has run. node_modules (Next's own
 * code included) stay external and load from node_modules as usual.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
export const serverBundle = path.join(root, 'dist', 'server.js');

export async function buildServerBundle() {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: ['server.ts'],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.9',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServerBundle();
