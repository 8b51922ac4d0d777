import '../load-env';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { getDatabase } from '@/db';
import { AppError } from '@/http/errors';
import { replacePortfolioDocument } from '@/portfolio/server/service';
import { CommandError, runCommand } from './run';

// Usage: npm run portfolio:import -- file.json   (replaces the whole portfolio in one transaction)
const { positionals } = parseArgs({ allowPositionals: true });

await runCommand(async () => {
  const [file] = positionals;
  if (!file) throw new CommandError('usage: npm run portfolio:import -- <file.json>');
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CommandError(`cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  await getDatabase().migrate();
  try {
    const saved = await replacePortfolioDocument(input);
    console.log(
      `Imported ${file}: about ${saved.about ? 'set' : 'empty'}, ${saved.techStack.length} technologies, ${saved.career.length} career entries, ${saved.projects.length} projects, ${saved.qa.length} Q&A pairs.`,
    );
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    const problems = Object.entries(error.fields).map(([field, messages]) => `  ${field}: ${messages.join('; ')}`);
    throw new CommandError(`${file} is not a valid portfolio; nothing was changed:\n${problems.join('\n')}`);
  }
});
