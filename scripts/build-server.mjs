/*
 * Compiles the custom server (server.ts and what it imports from src/) into
 * one plain JavaScript file (and the built-in assistant's worker into
 * another, dist/local-engine-worker.js), so production runs under `node` itself and
 * receives signals directly: under `tsx` a relay re-sends SIGTERM and then
 * SIGKILLs a busy server before its drain has run. node_modules (Next's own
 * code included) stay external and load from node_modules as usual.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
export const serverBundle = path.join(root, 'dist', 'server.js');

/**
 * Node's ESM loader wants the file extension on a deep import into a package
 * that has no "exports" map (`next/server`, reached by the chat service the
 * Socket.IO server loads lazily); bundlers and tsx forgive it, node does not.
 */
const deepImportsWithExtension = {
  name: 'deep-imports-with-extension',
  setup(builder) {
    builder.onResolve({ filter: /^(@[^/]+\/)?[^./@][^/]*\/[^.]+$/ }, ({ path: specifier }) => {
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      const manifest = path.join(root, 'node_modules', name, 'package.json');
      if (!fs.existsSync(manifest) || JSON.parse(fs.readFileSync(manifest, 'utf8')).exports) return undefined;
      return fs.existsSync(path.join(root, 'node_modules', `${specifier}.js`)) ? { path: `${specifier}.js`, external: true } : undefined;
    });
  },
};

export async function buildServerBundle() {
  const { build } = await import('esbuild');
  // Chunk names carry content hashes: clear the last build's, so only this build's files are there to load.
  fs.rmSync(path.dirname(serverBundle), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    // The built-in assistant's worker thread needs a file of its own to start from (src/ai/local/engine-pool.ts).
    entryPoints: { server: 'server.ts', 'local-engine-worker': 'src/ai/local/engine-worker.ts' },
    // Code the server loads lazily (the chat service, which reaches next/server and may only load once Next is
    // prepared) stays in chunks of its own, imported when first used, not hoisted into the entry.
    outdir: path.dirname(serverBundle),
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.9',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [deepImportsWithExtension],
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServerBundle();
