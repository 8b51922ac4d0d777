import { describe, expect, it } from 'vitest';
import { api } from '../helpers/server';
import { useE2e, viewports } from './helpers/fixtures';
import { byTestId, waitUntil } from './helpers/page-objects';
import { startSession } from '../helpers/bot-gate';

/* /admin/chat/settings: validated by the API, saved, applied at once; and the "test the assistant" box. */
describe('chat settings page', () => {
  const e2e = useE2e();

  it('shows field errors from the API, saves valid settings and applies them without a restart', async () => {
    const context = await e2e.newAdminContext();
    const page = await context.newPage();
    await page.goto('/admin/chat/settings');
    const field = (id: string) => byTestId(page, id);

    await field('setting-ai-temperature').fill('5');
    await field('save-settings').click();
    await waitUntil(async () => (await page.locator('#setting-ai-temperature-error').textContent())?.includes('at most 2'), 'the temperature error');
    expect(await field('setting-ai-temperature').getAttribute('aria-invalid')).toBe('true');

    await field('setting-ai-temperature').fill('0.3');
    await field('setting-welcome-message').fill('Halo! Ask me about my **projects**.');
    await field('save-settings').click();
    await waitUntil(async () => (await field('settings-status').textContent())?.startsWith('Saved'), 'the settings to be saved');

    const stored = await api(e2e.server, '/api/chat/settings', { cookie: e2e.adminCookie });
    expect(stored.body.data).toMatchObject({ aiTemperature: 0.3, welcomeMessage: 'Halo! Ask me about my **projects**.' });
    // A visitor opening the chat now gets the new greeting: nothing was restarted.
    const session = await startSession(e2e.server);
    expect(session.body.data.welcomeMessage).toBe('Halo! Ask me about my **projects**.');

    // A reload shows what is stored.
    await page.reload();
    expect(await field('setting-ai-temperature').inputValue()).toBe('0.3');

    // On a phone the form fits the screen.
    await page.setViewportSize(viewports.phone);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports.phone.width);
    await e2e.screenshot(page, 'admin-chat-settings-390x844');
  });

  it('answers a test question with the facts it used, without creating a conversation', async () => {
    const context = await e2e.newAdminContext();
    const page = await context.newPage();
    await page.goto('/admin/chat/settings');
    await byTestId(page, 'assistant-test-question').fill('What is your tech stack?');
    await byTestId(page, 'assistant-test-ask').click();
    const answer = byTestId(page, 'assistant-test-answer');
    await answer.waitFor();
    expect((await answer.textContent())!.length).toBeGreaterThan(20);
    expect(await byTestId(page, 'assistant-test-facts').locator('li').count()).toBeGreaterThan(0);
    expect(await byTestId(page, 'assistant-test-model').textContent()).toMatch(/^local · /);
    await byTestId(page, 'assistant-test').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'admin-chat-settings-1280x800');

    const inbox = await api(e2e.server, '/api/chat/conversations?status=all', { cookie: e2e.adminCookie });
    expect(inbox.body.data.pagination.total).toBe(0);
  });
});
