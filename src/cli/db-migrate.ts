import '../load-env';
import { getDatabase } from '@/db';
import { runCommand } from './run';

await runCommand(async () => {
  const database = getDatabase();
  await database.migrate();
  console.log(`Migrations applied (${database.dialect}).`);
});
