import { describe, expect, it } from 'vitest';
import { useProductionServer } from '../helpers/production-server';
import { api } from '../helpers/server';

/*
 * The Insights API over the real server: only the owner reads the figures or sets a price, the period is
 * one of 7, 30 or 90 days (30 when left out), and a price set shows in the next figures' cost.
 */
describe('insights API', () => {
  const fixture = useProductionServer({ admin: true, repository: true });
  const asAdmin = (pathname: string, init: { method?: string; body?: unknown } = {}) => api(fixture.server, pathname, { ...init, cookie: fixture.adminCookie });
  const today = () => new Date().toISOString().slice(0, 10);

  it('answers only the signed-in owner', async () => {
    const read = await api(fixture.server, '/api/admin/insights?days=7');
    expect(read.status).toBe(401);
    expect(read.body).toMatchObject({ success: false, code: 'unauthorized:auth' });
    const price = await api(fixture.server, '/api/admin/insights/prices', { method: 'PUT', body: { model: 'gpt-4o-mini', pricePerMillion: 1 } });
    expect(price.status).toBe(401);
    expect(price.body.code).toBe('unauthorized:auth');
  });

  it('takes 7, 30 or 90 days, 30 by default, and says so for anything else', async () => {
    for (const days of [7, 30, 90]) {
      const answer = await asAdmin(`/api/admin/insights?days=${days}`);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toMatchObject({ days, to: today() });
      expect(answer.body.data.conversations).toHaveLength(days);
    }
    expect((await asAdmin('/api/admin/insights')).body.data.days).toBe(30);
    for (const days of ['8', 'week', '', '-7']) {
      const answer = await asAdmin(`/api/admin/insights?days=${days}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ success: false, code: 'bad_request:validation', fields: { days: ['Choose 7, 30 or 90 days.'] } });
    }
  });

  it('validates a price and prices the period’s tokens with it', async () => {
    await fixture.repository.addAiTokenUsageByDayAndModel({ day: today(), model: 'gpt-4o-mini', tokens: 2_000_000 });
    for (const [body, field] of [
      [{ model: 'gpt-4o-mini', pricePerMillion: -1 }, 'pricePerMillion'],
      [{ model: 'gpt-4o-mini', pricePerMillion: '1' }, 'pricePerMillion'],
      [{ model: '', pricePerMillion: 1 }, 'model'],
      [{ pricePerMillion: 1 }, 'model'],
    ] as const) {
      const answer = await asAdmin('/api/admin/insights/prices', { method: 'PUT', body });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('bad_request:validation');
      expect(Object.keys(answer.body.fields)).toEqual([field]);
    }
    const notJson = await asAdmin('/api/admin/insights/prices', { method: 'PUT', body: 'price=1' });
    expect(notJson.status).toBe(400);

    const set = await asAdmin('/api/admin/insights/prices', { method: 'PUT', body: { model: ' gpt-4o-mini ', pricePerMillion: 0.5 } });
    expect(set.status).toBe(200);
    expect(set.body.data).toEqual({ model: 'gpt-4o-mini', pricePerMillion: 0.5 });
    const { tokens } = (await asAdmin('/api/admin/insights?days=7')).body.data;
    expect(tokens.models).toEqual([{ model: 'gpt-4o-mini', tokens: 2_000_000, pricePerMillion: 0.5, cost: 1 }]);
    expect(tokens).toMatchObject({ total: 2_000_000, cost: 1 });
    expect(tokens.days.at(-1)).toEqual({ day: today(), byModel: { 'gpt-4o-mini': 2_000_000 }, tokens: 2_000_000, cost: 1 });
  });
});
