import '../load-env';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { getDatabase } from '@/db';
import { getPortfolioDocument } from '@/portfolio/server/service';
import { runCommand } from './run';

// Usage: npm run portfolio:export [-- file.json]   (stdout when no file is given)
const { positionals } = parseArgs({ allowPositionals: true });

await runCommand(async () => {
  await getDatabase().migrate();
  const json = `${JSON.stringify(await getPortfolioDocument(), null, 2)}\n`;
  const [file] = positionals;
  if (!file) {
    process.stdout.write(json);
    return;
  }
  fs.writeFileSync(file, json);
  console.error(`Exported the portfolio to ${file}.`);
});
