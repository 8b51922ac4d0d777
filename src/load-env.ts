import nextEnv from '@next/env';

/*
 * Entry points (server.ts, the CLI scripts) import this first, so .env files
 * are loaded into process.env before src/config/env.ts validates it, the
 * same files and precedence Next itself uses.
 */
// Self-hosters did not opt in to Next's telemetry.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error });
