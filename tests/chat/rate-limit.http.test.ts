import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server';
import { newVisitor, visitorSend } from './helpers';

/*
 * The limits live in the server's memory, not in the database, so one
 * dialect (SQLite) covers them. Small limits keep the test quick.
 */
describe('chat rate limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        CHAT_RATE_LIMIT_PER_MINUTE: '3',
        CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '5',
        CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '4',
      },
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('limits a session’s messages, and a fresh session does not reset the per-IP limit', async () => {
    const tokenA = await newVisitor(server);
    for (let i = 0; i < 3; i++) expect((await visitorSend(server, tokenA, { content: `a${i}` })).status).toBe(201);
    const refused = await visitorSend(server, tokenA, { content: 'one too many' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ success: false, code: 'rate_limit:message' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);

    // The IP has now spent 4 of its 5: a new session gets one more message, then the IP limit answers.
    const tokenB = await newVisitor(server);
    expect((await visitorSend(server, tokenB, { content: 'b0' })).status).toBe(201);
    const ipRefused = await visitorSend(server, tokenB, { content: 'b1' });
    expect(ipRefused.status).toBe(429);
    expect(ipRefused.headers.get('retry-after')).toBeTruthy();
    expect(server.logs.some((entry) => entry.security === 'chat rate limited')).toBe(true);
  });

  it('limits new sessions per IP but still resumes live ones', async () => {
    // Two sessions were started above; the limit is 4.
    const token = await newVisitor(server);
    await newVisitor(server);
    const refused = await api(server, '/api/chat/session', { body: {} });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limit:session');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const resumed = await api(server, '/api/chat/session', { body: { sessionToken: token } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.data.sessionToken).toBe(token);
  });
});
