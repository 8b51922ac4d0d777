import { describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';
import { newVisitor, visitorSend } from './helpers';

/*
 * The limits live in the server's memory, not in the database, so one
 * dialect (SQLite) covers them. Small limits keep the test quick.
 */
describe('chat rate limits', () => {
  const fixture = useProductionServer({
    env: {
      CHAT_RATE_LIMIT_PER_MINUTE: '3',
      CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '5',
      CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '4',
    },
  });

  it('limits a session’s messages, and a fresh session does not reset the per-IP limit', async () => {
    const tokenA = await newVisitor(fixture.server);
    for (let i = 0; i < 3; i++) expect((await visitorSend(fixture.server, tokenA, { content: `a${i}` })).status).toBe(201);
    const refused = await visitorSend(fixture.server, tokenA, { content: 'one too many' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ success: false, code: 'rate_limit:message' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);

    // The IP has now spent 4 of its 5: a new session gets one more message, then the IP limit answers.
    const tokenB = await newVisitor(fixture.server);
    expect((await visitorSend(fixture.server, tokenB, { content: 'b0' })).status).toBe(201);
    const ipRefused = await visitorSend(fixture.server, tokenB, { content: 'b1' });
    expect(ipRefused.status).toBe(429);
    expect(ipRefused.headers.get('retry-after')).toBeTruthy();
    expect(fixture.server.logs.some((entry) => entry.security === 'chat rate limited')).toBe(true);
  });

  it('limits new sessions per IP but still resumes live ones', async () => {
    // Two sessions were started above; the limit is 4.
    const token = await newVisitor(fixture.server);
    await newVisitor(fixture.server);
    const refused = await api(fixture.server, '/api/chat/session', { body: {} });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limit:session');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const resumed = await api(fixture.server, '/api/chat/session', { body: { sessionToken: token } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.data.sessionToken).toBe(token);
  });
});
