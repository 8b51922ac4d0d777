import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { api } from './server';

/*
 * New chat sessions pass the bot gate (on by default): these solve its
 * challenge the way the widget does, with the same library, so a test can
 * start a session in one call. Test servers run it at a tiny cost
 * (CHAT_POW_COST in startTestServer).
 */

/** What `POST /api/chat/session` needs as `botGate` from this server now (undefined when its gate is off). */
export async function botGateProof(server: { url: string }): Promise<unknown> {
  const { body } = await api(server, '/api/chat/challenge');
  const gate = body.data as { gate: 'pow'; challenge: Challenge } | { gate: 'off' | 'turnstile' };
  if (gate.gate !== 'pow') return undefined;
  const solution = await solveChallenge({ challenge: gate.challenge, deriveKey });
  return { challenge: gate.challenge, solution: { counter: solution!.counter, derivedKey: solution!.derivedKey } };
}

/** `POST /api/chat/session` with a solved challenge, for a test that wants a new session. */
export async function startSession(server: { url: string }, body: Record<string, unknown> = {}, init: { headers?: Record<string, string> } = {}) {
  return api(server, '/api/chat/session', { ...init, body: { ...body, botGate: await botGateProof(server) } });
}
