import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newVisitor, visitorSend } from '../chat/helpers';
import { openServerDatabase } from '../helpers/production-server';
import { useE2e } from './helpers/fixtures';
import { byTestId, waitUntil } from './helpers/page-objects';

/*
 * The owner's Insights page in the browser: reached from the admin nav, the period switched by link (and kept
 * in the URL), a chart's numbers shown as a table and downloaded as CSV, and a model's price edited in place,
 * the cost following it.
 */
describe('insights page', () => {
  const e2e = useE2e({ settings: { aiEnabled: false } });

  it('switches the period, shows a chart as a table, downloads its CSV and edits a price', async () => {
    const today = new Date().toISOString().slice(0, 10);
    // One conversation nobody has answered yet (the assistant is off), and a hosted model's tokens today.
    const visitor = await newVisitor(e2e.server);
    expect((await visitorSend(e2e.server, visitor, { content: 'Is anyone there?', clientMessageId: randomUUID() })).status).toBe(201);
    const { database, repository } = openServerDatabase(e2e.server);
    try {
      await repository.addAiTokenUsageByDayAndModel({ day: today, model: 'gpt-4o-mini', tokens: 2_000_000 });
    } finally {
      await database.close();
    }

    const page = await (await e2e.newAdminContext()).newPage();
    await page.goto('/admin/chat');
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Insights' }).click();
    await page.waitForURL(/\/admin\/insights$/);
    // No period in the URL: 30 days.
    expect(await byTestId(page, 'insights-period-30').getAttribute('aria-current')).toBe('page');

    await byTestId(page, 'insights-period-7').click();
    await page.waitForURL(/\/admin\/insights\?days=7$/);
    await waitUntil(async () => (await byTestId(page, 'insights-period-7').getAttribute('aria-current')) === 'page', 'the 7-day period chosen');
    const chart = byTestId(page, 'insights-conversations');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    await e2e.screenshot(page, 'admin-insights-1280x800');

    await chart.getByRole('button', { name: 'Show as table' }).click();
    const table = chart.getByRole('table');
    expect(await table.locator('caption').textContent()).toMatch(/^Conversations per UTC day from \d{4}-\d{2}-\d{2} to /);
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['Day', 'Assistant only', 'Owner only', 'Both', 'Nobody']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await rows.last().locator('th[scope="row"]').textContent()).toBe(today);
    expect(await rows.last().locator('td').allTextContents()).toEqual(['0', '0', '0', '1']);

    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^conversations_\\d{4}-\\d{2}-\\d{2}_${today}\\.csv$`));
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Day,Assistant only,Owner only,Both,Nobody');
    expect(lines).toHaveLength(1 + 7 + 1); // header, a line a day, the final line end
    expect(lines[7]).toBe(`${today},0,0,0,1`);
    expect(lines[8]).toBe('');

    const prices = byTestId(page, 'insights-prices');
    expect(await byTestId(page, 'tokens-cost').textContent()).toBe('$0.00');
    await prices.getByLabel('Price per million tokens for gpt-4o-mini').fill('0.5');
    await prices.getByRole('button', { name: 'Save' }).click();
    await prices.getByRole('status').waitFor();
    await waitUntil(async () => (await byTestId(page, 'tokens-cost').textContent()) === '$1.00', 'the cost at the new price');
    expect(await byTestId(prices, 'model-cost').textContent()).toBe('$1.00');
    // The price is stored: the page opened again shows it.
    await page.reload();
    expect(await prices.getByLabel('Price per million tokens for gpt-4o-mini').inputValue()).toBe('0.5');
  });
});
