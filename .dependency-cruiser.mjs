// @ts-check
/*
 * The browser/server line, checked by `npm run lint` (dependency-cruiser).
 *
 * Browser code is every module with a 'use client' directive and everything
 * it imports. dependency-cruiser cannot read directives, so the sources are
 * scanned for them when this config loads. Type-only imports are allowed
 * across the line: this pass runs without TypeScript's pre-compilation
 * dependencies, so `import type` (erased before bundling, so it ships
 * nothing) is not an edge here, the way the admin UI reads the payload types
 * of the server's event builders. Cycles, type-only ones included, are
 * checked by the second pass in .dependency-cruiser.cycles.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';

const SOURCE_ROOTS = ['src', 'app'];
const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/;

/** Every .ts/.tsx file under the source roots that starts with 'use client', relative to the working directory. */
function findUseClientModules(cwd = process.cwd()) {
  const found = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && DIRECTIVE.test(fs.readFileSync(full, 'utf8'))) {
        found.push(path.relative(cwd, full).split(path.sep).join('/'));
      }
    }
  };
  for (const root of SOURCE_ROOTS) walk(path.join(cwd, root));
  return found.sort();
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const browserEntries = findUseClientModules();

/** What only the server may load: its modules, and the packages that hold secrets, sockets or native code. */
const SERVER_ONLY = [
  '^src/db/',
  '^src/redis/',
  '^src/config/env\\.ts$',
  '^src/logger\\.ts$',
  '^src/ai/',
  '^src/server/',
  '^src/[^/]+/server/',
  '^node_modules/(pusher|ioredis|mysql2|better-sqlite3|argon2|socket\\.io|@socket\\.io/redis-adapter)/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'browser-imports-server-code',
      severity: 'error',
      comment:
        "A 'use client' module (or something it imports) reaches server-only code: the database, Redis, env, the " +
        'logger, the AI, src/*/server/, or a server package. Keep the browser side on pure shared modules ' +
        '(src/realtime/channels.ts, src/http/errors.ts, …) or import types only (`import type`).',
      // With no 'use client' module at all the rule has nothing to start from.
      from: { path: browserEntries.length > 0 ? `^(${browserEntries.map(escape).join('|')})$` : '^$' },
      to: { path: SERVER_ONLY, reachable: true },
    },
    {
      name: 'transport-library-outside-its-connector',
      severity: 'error',
      comment:
        'socket.io-client and pusher-js belong to their connector (src/realtime/client/*-connector.ts), so that ' +
        'each lands in its own chunk. Use the RealtimeConnector from createConnector() instead.',
      from: { path: '^(src|app)/', pathNot: '^src/realtime/client/(socket-io|pusher)-connector\\.ts$' },
      to: { path: '^node_modules/(socket\\.io-client|pusher-js)/' },
    },
    {
      name: 'connector-imported-statically',
      severity: 'error',
      comment:
        'A transport connector is loaded only by the dynamic import in createConnector() ' +
        '(src/realtime/client/index.ts): a static import puts its library in the chunk of every page that loads ' +
        'the importer, whichever driver the site runs.',
      from: { path: '^(src|app)/' },
      to: { path: '^src/realtime/client/(socket-io|pusher)-connector\\.ts$', dependencyTypesNot: ['dynamic-import'] },
    },
  ],
  options: {
    // A server module's own imports are not followed here, so a chain is reported once, where it crosses the line.
    doNotFollow: { path: ['node_modules', ...SERVER_ONLY] },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};

export default config;
