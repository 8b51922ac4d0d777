import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

/*
 * The browser's side of the bot gate for a new chat session: asks the server
 * which gate is on and brings back what it wants, without the visitor doing
 * anything: the proof of work is solved here with WebCrypto, Turnstile runs
 * its invisible widget.
 */

type GateChallenge = { gate: 'pow'; challenge: Challenge } | { gate: 'turnstile'; siteKey: string } | { gate: 'off' };
export type BotGateProof = { challenge: Challenge; solution: { counter: number; derivedKey: string } } | { turnstileToken: string };

const TURNSTILE_SCRIPT = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';

type Turnstile = { render: (element: HTMLElement, options: { sitekey: string; callback: (token: string) => void; 'error-callback': () => void; size: 'invisible' | 'flexible' }) => string };

function loadTurnstile(): Promise<Turnstile> {
  const existing = (window as unknown as { turnstile?: Turnstile }).turnstile;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = TURNSTILE_SCRIPT;
    script.async = true;
    script.onload = () => resolve((window as unknown as { turnstile: Turnstile }).turnstile);
    script.onerror = () => reject(new Error('Turnstile could not load'));
    document.head.append(script);
  });
}

async function turnstileToken(siteKey: string): Promise<string> {
  const turnstile = await loadTurnstile();
  const host = document.createElement('div');
  host.hidden = true;
  document.body.append(host);
  try {
    return await new Promise((resolve, reject) => {
      turnstile.render(host, { sitekey: siteKey, size: 'invisible', callback: resolve, 'error-callback': () => reject(new Error('Turnstile failed')) });
    });
  } finally {
    host.remove();
  }
}

/** What the next new-session request must carry, or null when the gate is off. */
export async function proveNotABot(): Promise<BotGateProof | null> {
  const response = await fetch('/api/chat/challenge', { headers: { accept: 'application/json' }, credentials: 'omit' });
  const answer = (await response.json().catch(() => null)) as { success?: boolean; data?: GateChallenge } | null;
  if (!response.ok || !answer?.data) throw new Error(`bot gate challenge failed with ${response.status}`);
  const gate = answer.data;
  if (gate.gate === 'off') return null;
  if (gate.gate === 'turnstile') return { turnstileToken: await turnstileToken(gate.siteKey) };
  const solution = await solveChallenge({ challenge: gate.challenge, deriveKey });
  if (!solution) throw new Error('bot gate challenge not solved in time');
  return { challenge: gate.challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}
