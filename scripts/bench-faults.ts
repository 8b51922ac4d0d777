/*
 * Fault benchmark (a script, not a test): `npm run bench:faults -- --visitors 300`.
 *
 * The fault tests' scenarios (tests/helpers/faults.ts), larger, with the
 * figures printed: a reconnect storm (every visitor cut off at once, the
 * owner writing meanwhile) and a SIGKILL under load with retries, restarted
 * on the same data and port. Exits 1 when anything was lost or stored twice.
 */
import { parseArgs } from 'node:util';
import { buildServerBundle, ensureFreshBuild } from '../tests/helpers/build';
import { killUnderLoad, reconnectStorm } from '../tests/helpers/faults';
import { signInAsAdmin, startTestServer, type TestServer } from '../tests/helpers/server';
import { ms, percentile } from './stats';

const { values: args } = parseArgs({
  options: {
    visitors: { type: 'string', default: '300' },
    missed: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    'kill-visitors': { type: 'string', default: '50' },
    'kill-messages': { type: 'string', default: '10' },
  },
  strict: true,
});

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple' };
const env = {
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  CHAT_RATE_LIMIT_PER_MINUTE: '0',
  CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
  CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
};

async function ownerOf(server: TestServer): Promise<string> {
  const cookie = await signInAsAdmin(server, ADMIN);
  await fetch(`${server.url}/api/chat/settings`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ aiEnabled: false }) });
  return cookie;
}

const sortedOf = (values: number[]) => [...values].sort((a, b) => a - b);

async function main(): Promise<number> {
  ensureFreshBuild();
  buildServerBundle();
  let failed = false;

  const server = await startTestServer({ env });
  try {
    const cookie = await ownerOf(server);
    for (let round = 1; round <= Number(args.rounds); round++) {
      const storm = await reconnectStorm(server, cookie, { visitors: Number(args.visitors), missed: Number(args.missed) });
      const catchUp = sortedOf(storm.catchUpMs);
      console.log(
        `storm ${round}: ${storm.visitors} visitors, lost ${storm.lost}, duplicated ${storm.duplicated}, missing from inbox ${storm.missingFromInbox}, ` +
          `catch-up p50 ${ms(percentile(catchUp, 50))} ms, p99 ${ms(percentile(catchUp, 99))} ms, max ${ms(catchUp.at(-1) ?? NaN)} ms`,
      );
      failed ||= storm.lost > 0 || storm.duplicated > 0 || storm.missingFromInbox > 0;
    }
  } finally {
    await server.stop();
  }

  let dataDir: string | undefined;
  const kill = await killUnderLoad(
    async (port) => {
      const started = await startTestServer({ dataDir, env: { ...env, ...(port ? { PORT: String(port) } : {}) } });
      dataDir = started.dataDir;
      if (!port) await ownerOf(started);
      return started;
    },
    { visitors: Number(args['kill-visitors']), messages: Number(args['kill-messages']) },
  );
  await kill.server.stop();
  const back = sortedOf(kill.backAfterMs);
  console.log(
    `SIGKILL under load: ${kill.acknowledged} acknowledged, lost ${kill.lost}, stored twice ${kill.storedTwice}, ` +
      `healthy after ${ms(kill.healthyAfterMs)} ms, clients back p50 ${ms(percentile(back, 50))} ms, p99 ${ms(percentile(back, 99))} ms`,
  );
  failed ||= kill.lost > 0 || kill.storedTwice > 0;
  return failed ? 1 : 0;
}

process.exit(await main());
