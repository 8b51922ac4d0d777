import './src/load-env';
import { startFromCommandLine } from './src/server/main';

await startFromCommandLine();
