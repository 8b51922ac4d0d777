import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';

/*
 * What the browser downloads for the chat, read from a production build's
 * `.next` folder (Turbopack's output). Used by
 * tests/realtime/transport-chunks.http.test.ts and, run directly
 * (`tsx scripts/client-chunks.ts [.next]`), prints the gzipped sizes.
 */

/** A string in each transport library's code that no module of ours contains. */
export const LIBRARY_SIGNATURES = {
  // pusher-js's default CDN host.
  'pusher-js': 'js.pusher.com',
  // engine.io-client's polling transport error.
  'socket.io-client': 'xhr poll error',
} as const;
export type TransportLibrary = keyof typeof LIBRARY_SIGNATURES;

/** A string only one of our lazily loaded modules contains, to tell which dynamic import loads it. */
export const LAZY_MODULE_MARKERS = {
  // The floating chat's panel (src/chat/visitor/floating-chat.tsx, loaded by chat-widget.tsx).
  widget: 'chat-widget-panel',
  // src/realtime/client/socket-io-connector.ts asks the socket who is online.
  socketIoConnector: 'presence:admins-online',
  // src/realtime/client/pusher-connector.ts signs subscriptions over HTTP.
  pusherConnector: '/api/pusher/auth',
} as const;
export type LazyModule = keyof typeof LAZY_MODULE_MARKERS;

export type ClientBuild = {
  /** Every client chunk's code by its path under .next (`static/chunks/….js`). */
  chunks: Map<string, string>;
  /** The chunks a page's HTML loads: Next's runtime, the root layout's and the page's own. */
  entryChunks(page: string): { runtime: string[]; layout: string[]; page: string[] };
  /** The chunks of every dynamic import: what Turbopack's loader fetches before running the imported module. */
  lazyImports: string[][];
};

type ReferenceManifest = { entryJSFiles: Record<string, string[]> };

export function readClientBuild(nextDir: string): ClientBuild {
  const chunksDir = path.join(nextDir, 'static', 'chunks');
  const chunks = new Map<string, string>();
  for (const name of fs.readdirSync(chunksDir)) {
    if (name.endsWith('.js')) chunks.set(`static/chunks/${name}`, fs.readFileSync(path.join(chunksDir, name), 'utf8'));
  }
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };

  // Turbopack's loader for `import()`: Promise.all(["static/chunks/a.js", …].map(load)).then(() => require(id)).
  const loader = /Promise\.all\(\[((?:"static\/chunks\/[^"]+\.js",?)+)\]\.map/g;
  const lazyImports = [...chunks.values()].flatMap((code) =>
    [...code.matchAll(loader)].map((match) => match[1]!.split(',').map((quoted) => JSON.parse(quoted) as string)),
  );

  function entryChunks(page: string): { runtime: string[]; layout: string[]; page: string[] } {
    // The client reference manifest is a script that assigns globalThis.__RSC_MANIFEST[page].
    const file = path.join(nextDir, 'server', 'app', page === '/page' ? '' : path.dirname(page), 'page_client-reference-manifest.js');
    const context: Record<string, unknown> = {};
    context.globalThis = context;
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), context);
    const manifest = (context.__RSC_MANIFEST as Record<string, ReferenceManifest> | undefined)?.[page];
    if (!manifest) throw new Error(`${file} has no manifest for ${page}`);
    const pageEntry = `[project]/app${page.replace(/\/page$/, '')}/page`;
    const layout = manifest.entryJSFiles['[project]/app/layout'] ?? [];
    return {
      runtime: buildManifest.rootMainFiles,
      layout,
      page: (manifest.entryJSFiles[pageEntry] ?? []).filter((chunk) => !layout.includes(chunk)),
    };
  }

  return { chunks, entryChunks, lazyImports };
}

/** The dynamic imports whose chunks hold `module` (none when the module is in a page's own chunks). */
export function lazyImportsOf(build: ClientBuild, module: LazyModule): string[][] {
  return build.lazyImports.filter((list) => list.some((chunk) => build.chunks.get(chunk)?.includes(LAZY_MODULE_MARKERS[module])));
}

export function chunksContaining(build: ClientBuild, chunks: Iterable<string>, library: TransportLibrary): string[] {
  return [...new Set(chunks)].filter((chunk) => build.chunks.get(chunk)?.includes(LIBRARY_SIGNATURES[library]));
}

export function gzippedSize(build: ClientBuild, chunks: Iterable<string>): number {
  return [...new Set(chunks)].reduce((total, chunk) => total + zlib.gzipSync(build.chunks.get(chunk) ?? '', { level: 9 }).length, 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const build = readClientBuild(path.resolve(process.argv[2] ?? '.next'));
  const home = build.entryChunks('/page');
  const chat = build.entryChunks('/chat/page');
  const onEveryPage = [...home.runtime, ...home.layout];
  /** The chunks beyond every page's that `loaded` and then `module` bring (nothing more when `loaded` holds the module already). */
  const plus = (loaded: string[], module: LazyModule) => {
    const has = loaded.some((chunk) => build.chunks.get(chunk)?.includes(LAZY_MODULE_MARKERS[module]));
    return [...new Set([...loaded, ...(has ? [] : lazyImportsOf(build, module).flat())])].filter((chunk) => !onEveryPage.includes(chunk));
  };
  const widget = lazyImportsOf(build, 'widget').flat();
  const rows: [string, string[]][] = [
    ['Next runtime (every page)', home.runtime],
    ['root layout (every page)', home.layout],
    ['widget, Socket.IO site', plus(widget, 'socketIoConnector')],
    ['widget, Pusher site', plus(widget, 'pusherConnector')],
    ['/chat, Socket.IO site', plus(chat.page, 'socketIoConnector')],
    ['/chat, Pusher site', plus(chat.page, 'pusherConnector')],
  ];
  for (const [label, chunks] of rows) {
    console.log(`${label.padEnd(26)} ${String(gzippedSize(build, chunks)).padStart(7)} B gzipped  ${chunks.map((chunk) => path.basename(chunk)).join(' ')}`);
  }
}
