import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botGateProof, startSession } from '../helpers/bot-gate';
import { redisSkipReason, redisUrl, uniqueRedisPrefix } from '../helpers/redis';
import { api, startTestServer, type TestServer } from '../helpers/server';

/*
 * The bot gate in front of new chat sessions: on by default (a proof of work),
 * verified by the server, single use, expiring; a filled honeypot is refused;
 * Turnstile instead when its keys are set. Refusals are security events.
 */

type Proof = { challenge: { parameters: Record<string, unknown>; signature: string }; solution: { counter: number; derivedKey: string } };

const refusalsIn = (server: TestServer) => server.logs.filter((entry) => entry.security === 'chat bot gate refused');

function expectRefused(response: { status: number; body: { code?: string; data?: unknown } }) {
  expect(response.status).toBe(403);
  expect(response.body).toMatchObject({ success: false, code: 'forbidden:bot_gate' });
  expect(response.body.data).toBeUndefined();
}

describe('the proof-of-work gate (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a plain POST with no solution and logs it with the client IP', async () => {
    const before = refusalsIn(server).length;
    expectRefused(await api(server, '/api/chat/session', { body: {} }));
    await expect.poll(() => refusalsIn(server).length).toBe(before + 1);
    expect(refusalsIn(server).at(-1)).toMatchObject({ ip: '127.0.0.1', gate: 'pow', reason: 'no bot gate proof' });
  });

  it('hands out an expiring, signed challenge and starts a session for its solution, once', async () => {
    const { body } = await api(server, '/api/chat/challenge');
    expect(body.data.gate).toBe('pow');
    const expiresIn = (body.data.challenge.parameters.expiresAt as number) * 1000 - Date.now();
    expect(expiresIn).toBeGreaterThan(4 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(5 * 60_000);

    const proof = (await botGateProof(server)) as Proof;
    const first = await api(server, '/api/chat/session', { body: { botGate: proof } });
    expect(first.status).toBe(200);
    expect(first.body.data.sessionToken).toEqual(expect.any(String));

    expectRefused(await api(server, '/api/chat/session', { body: { botGate: proof } }));
    expect(refusalsIn(server).at(-1)).toMatchObject({ reason: 'challenge already used' });

    // Resuming a live session needs no challenge.
    const resumed = await api(server, '/api/chat/session', { body: { sessionToken: first.body.data.sessionToken } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.data.sessionToken).toBe(first.body.data.sessionToken);
  });

  it('refuses a wrong answer and a challenge it did not sign or that was changed', async () => {
    const proof = (await botGateProof(server)) as Proof;
    const forged: Proof[] = [
      { ...proof, solution: { counter: proof.solution.counter, derivedKey: '00'.repeat(32) } },
      { ...proof, challenge: { ...proof.challenge, signature: 'ab'.repeat(32) } },
      { ...proof, challenge: { ...proof.challenge, parameters: { ...proof.challenge.parameters, expiresAt: 4_000_000_000 } } },
    ];
    for (const botGate of forged) expectRefused(await api(server, '/api/chat/session', { body: { botGate } }));
    // The untouched proof still works: the forgeries did not use it up.
    expect((await api(server, '/api/chat/session', { body: { botGate: proof } })).status).toBe(200);
  });

  it('refuses a filled honeypot even with a good solution, and logs it with the client IP', async () => {
    const refused = await startSession(server, { website: 'http://spam.example' });
    expectRefused(refused);
    expect(refusalsIn(server).at(-1)).toMatchObject({ ip: '127.0.0.1', reason: 'honeypot filled' });
    expect((await startSession(server, { website: '' })).status).toBe(200);
  });
});

describe('the Turnstile gate (when its keys are set)', () => {
  let server: TestServer;
  let siteverify: http.Server;
  const received: URLSearchParams[] = [];

  beforeAll(async () => {
    // Cloudflare's siteverify cannot be reached from here: a stand-in that answers as it documents.
    siteverify = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        received.push(form);
        const success = request.method === 'POST' && form.get('secret') === 'turnstile-secret' && form.get('response') === 'good-token';
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(success ? { success: true } : { success: false, 'error-codes': ['invalid-input-response'] }));
      });
    });
    await new Promise<void>((resolve) => siteverify.listen(0, '127.0.0.1', resolve));
    server = await startTestServer({
      env: {
        TURNSTILE_SITE_KEY: 'turnstile-site-key',
        TURNSTILE_SECRET_KEY: 'turnstile-secret',
        TURNSTILE_VERIFY_URL: `http://127.0.0.1:${(siteverify.address() as AddressInfo).port}/turnstile/v0/siteverify`,
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => siteverify?.close(resolve));
  });

  it('tells the widget its site key and checks the token with siteverify, secret and client IP included', async () => {
    expect((await api(server, '/api/chat/challenge')).body.data).toEqual({ gate: 'turnstile', siteKey: 'turnstile-site-key' });

    const good = await api(server, '/api/chat/session', { body: { botGate: { turnstileToken: 'good-token' } } });
    expect(good.status).toBe(200);
    expect(Object.fromEntries(received.at(-1)!)).toEqual({ secret: 'turnstile-secret', response: 'good-token', remoteip: '127.0.0.1' });

    expectRefused(await api(server, '/api/chat/session', { body: { botGate: { turnstileToken: 'forged-token' } } }));
    expect(refusalsIn(server).at(-1)).toMatchObject({ gate: 'turnstile', reason: 'turnstile refused (invalid-input-response)' });
    const asked = received.length;
    expectRefused(await api(server, '/api/chat/session', { body: {} }));
    expect(received.length).toBe(asked);
  });
});

describe.skipIf(!redisUrl)(`the proof-of-work gate on two instances${redisUrl ? '' : ` (skipped: ${redisSkipReason})`}`, () => {
  const servers: TestServer[] = [];
  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl!, REDIS_KEY_PREFIX: uniqueRedisPrefix(), AUTH_SECRET: 'a shared secret for both test instances, long enough' };
    servers.push(...(await Promise.all([startTestServer({ env }), startTestServer({ env })])));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('accepts a solution on one instance only: the other refuses the replay', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const proof = await botGateProof(a);
    expect((await api(b, '/api/chat/session', { body: { botGate: proof } })).status).toBe(200);
    expectRefused(await api(a, '/api/chat/session', { body: { botGate: proof } }));
  });
});
