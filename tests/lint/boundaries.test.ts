import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build';

/*
 * `npm run lint`'s dependency passes (package.json `lint:deps`): the
 * browser/server line and no import cycles. Each pass runs the real CLI with
 * the real configs, on a small fixture tree that breaks them and on this tree.
 */

const run = promisify(execFile);
const depcruise = path.join(projectRoot, 'node_modules', '.bin', 'depcruise');
const CONFIGS = { boundaries: '.dependency-cruiser.mjs', cycles: '.dependency-cruiser.cycles.mjs' } as const;

/** One pass over `entries` with `cwd` as the project; the exit code and the report without colours. */
async function cruise(config: keyof typeof CONFIGS, cwd: string, entries: string[]): Promise<{ code: number; output: string }> {
  const args = ['--config', path.join(projectRoot, CONFIGS[config]), '--output-type', 'err-long', ...entries];
  const result = await run(depcruise, args, { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
  return { code: result.code, output: result.output.replace(/\x1b\[[0-9;]*m/g, '') };
}

const FIXTURE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', paths: { '@/*': ['./src/*'] } } }),
  'src/db/index.ts': 'export const getRepository = () => ({ rows: [] as DbRow[] });\nexport type DbRow = { id: number };\n',
  // A browser module that reaches the database through a shared-looking helper.
  'src/chat/visitor/widget.tsx': "'use client';\n\nimport { countRows } from '@/chat/ui/rows';\n\nexport const Widget = () => countRows();\n",
  'src/chat/ui/rows.ts': "import { getRepository } from '@/db';\n\nexport const countRows = () => getRepository().rows.length;\n",
  // Only a type crosses the line here: erased at build time, so allowed.
  'src/chat/visitor/row-label.tsx': "'use client';\n\nimport type { DbRow } from '@/db';\n\nexport const rowLabel = (row: DbRow) => `#${row.id}`;\n",
  // A transport connector imported statically ships its library to every driver's sites.
  'src/realtime/client/index.ts': "import { createPusherConnector } from './pusher-connector';\n\nexport const createConnector = createPusherConnector;\n",
  'src/realtime/client/pusher-connector.ts': 'export const createPusherConnector = () => null;\n',
  // Two modules that import each other, for types only.
  'src/realtime/server/a.ts': "import type { B } from './b';\n\nexport type A = { b?: B };\n",
  'src/realtime/server/b.ts': "import type { A } from './a';\n\nexport type B = { a?: A };\n",
};

let fixture: string;
let fixtureBoundaries: ReturnType<typeof cruise> | undefined;
/** The boundary pass over the fixture, run once for the tests that read its report. */
const boundariesOnFixture = () => (fixtureBoundaries ??= cruise('boundaries', fixture, ['src']));

beforeAll(() => {
  fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-lint-'));
  for (const [file, text] of Object.entries(FIXTURE)) {
    fs.mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
    fs.writeFileSync(path.join(fixture, file), text);
  }
});

afterAll(() => {
  fs.rmSync(fixture, { recursive: true, force: true });
});

describe('npm run lint: dependency rules', () => {
  it("fails when a 'use client' module reaches src/db, naming the import chain", async () => {
    const { code, output } = await boundariesOnFixture();
    expect(code).not.toBe(0);
    // The reporter prints the entry, the forbidden module, then every hop: widget → rows → db.
    expect(output).toMatch(/error browser-imports-server-code: src\/chat\/visitor\/widget\.tsx → src\/db\/index\.ts\s+src\/chat\/ui\/rows\.ts →\s+src\/db\/index\.ts/);
    // A type-only import of the same module is not a violation.
    expect(output).not.toContain('src/chat/visitor/row-label.tsx');
    expect(output).toContain('2 dependency violations (2 errors');
  });

  it('fails when a transport connector is imported other than by dynamic import', async () => {
    const { output } = await boundariesOnFixture();
    expect(output).toMatch(/error connector-imported-statically: src\/realtime\/client\/index\.ts → src\/realtime\/client\/pusher-connector\.ts/);
  });

  it('fails on an import cycle, type-only imports included', async () => {
    const { code, output } = await cruise('cycles', fixture, ['src']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/error no-import-cycle: src\/realtime\/server\/a\.ts →\s+src\/realtime\/server\/b\.ts →\s+src\/realtime\/server\/a\.ts/);
  });

  // The whole tree takes about 3 s of CPU per pass; the timeout allows for a busy machine.
  it('passes on this tree', { timeout: 120_000 }, async () => {
    const entries = ['src', 'app', 'server.ts', 'proxy.ts'];
    const [boundaries, cycles] = await Promise.all([cruise('boundaries', projectRoot, entries), cruise('cycles', projectRoot, entries)]);
    expect(boundaries.output).toContain('no dependency violations found');
    expect(boundaries.code).toBe(0);
    expect(cycles.output).toContain('no dependency violations found');
    expect(cycles.code).toBe(0);
  });
});
