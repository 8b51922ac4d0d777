import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A copy of the dialect's migrations that stops at `lastTag`, to build a database as an older release left it. */
export function migrationsUpTo(dialect: 'sqlite' | 'mysql', lastTag: string): { folder: string; remove: () => void } {
  const source = path.join(process.cwd(), 'drizzle', dialect);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `tanya-migrations-${dialect}-`));
  const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.find((entry) => entry.tag === lastTag)!;
  journal.entries = journal.entries.filter((entry) => entry.idx <= last.idx);
  fs.mkdirSync(path.join(folder, 'meta'));
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
