import '../load-env';
import { getDatabase } from '@/db';
import { removeSamplePortfolio } from '@/portfolio/server/service';
import { runCommand } from './run';

await runCommand(async () => {
  await getDatabase().migrate();
  await removeSamplePortfolio();
  console.log('Removed the sample portfolio content; anything you wrote yourself is kept.');
});
