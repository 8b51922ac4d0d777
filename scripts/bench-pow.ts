/*
 * How long the chat's bot gate takes to solve: creates challenges as the
 * server does and solves them with the browser's solver (WebCrypto SHA-256),
 * printing the solve time. `npm run bench:pow [-- --cost 2000 --runs 30]`.
 */
import { parseArgs } from 'node:util';
import { createChallenge, randomInt, solveChallenge } from 'altcha-lib';
import { deriveKey as serverDeriveKey } from 'altcha-lib/algorithms/sha';
import { deriveKey as browserDeriveKey } from 'altcha-lib/algorithms/web/sha';
import { ms, percentile } from './stats';

const { values } = parseArgs({ options: { cost: { type: 'string', default: '2000' }, runs: { type: 'string', default: '30' } } });
const cost = Number(values.cost);
const runs = Number(values.runs);

const times: number[] = [];
for (let run = 0; run < runs; run++) {
  // The same parameters as src/chat/server/bot-gate.ts.
  const challenge = await createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(Math.ceil(cost / 2), cost),
    deriveKey: serverDeriveKey,
    hmacSignatureSecret: 'bench-signature-secret',
    hmacKeySignatureSecret: 'bench-key-signature-secret',
  });
  const started = performance.now();
  if (!(await solveChallenge({ challenge, deriveKey: browserDeriveKey }))) throw new Error('not solved');
  times.push(performance.now() - started);
}
console.log(`CHAT_POW_COST=${cost}, ${runs} challenges, WebCrypto solver in Node ${process.version}:`);
times.sort((a, b) => a - b);
console.log(`  p50 ${ms(percentile(times, 50))} ms  p95 ${ms(percentile(times, 95))} ms  max ${ms(times.at(-1)!)} ms`);
