import { describe, expect, it } from 'vitest';
import { useAdminDriver } from './helpers/admin-api';
import { useE2e } from './helpers/fixtures';
import { seriousAccessibilityViolations } from './helpers/axe';
import { byTestId, VisitorChat, waitUntil } from './helpers/page-objects';

/** Whether a computed CSS colour is dark (Chromium reports Tailwind's colours as lab()/oklch() or rgb()). */
function isDark(color: string): boolean {
  const numbers = (color.match(/[\d.]+/g) ?? []).map(Number);
  if (color.startsWith('lab(')) return numbers[0]! < 30;
  if (color.startsWith('oklch(')) return numbers[0]! < 0.3;
  return (numbers[0]! + numbers[1]! + numbers[2]!) / 3 < 80;
}

describe('visitor widget, preferences and keyboard use', () => {
  const e2e = useE2e({ settings: { aiEnabled: false } });
  const connectOwner = useAdminDriver(e2e);

  it('loads no chat code and starts no session for a visitor who never opens the chat', async () => {
    const { page } = await e2e.newVisitorPage();
    const chatRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/chat') || request.url().includes('/socket.io/')) chatRequests.push(request.url());
    });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto('/');
    await byTestId(page, 'chat-launcher').waitFor();
    await page.waitForLoadState('networkidle');
    expect(chatRequests).toEqual([]);

    // The chat's code itself arrives only when asked for.
    const scriptsBeforeOpening = scripts.length;
    await byTestId(page, 'chat-launcher').click();
    await new VisitorChat(page).input.waitFor();
    expect(scripts.length).toBeGreaterThan(scriptsBeforeOpening);
  });

  it('shows replies that came while the widget was closed on its badge and in the tab title, until read', async () => {
    const admin = await connectOwner();
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send('Question from a returning visitor');
    const conversationId = await admin.conversationOf('returning visitor');
    await admin.open(conversationId);

    await page.goto('/');
    const launcher = byTestId(page, 'chat-launcher');
    await launcher.waitFor();
    const title = await page.title();
    const reply = await admin.reply(conversationId, 'Answer while you browse');
    await byTestId(page, 'chat-unread-badge').waitFor();
    expect(await byTestId(page, 'chat-unread-badge').textContent()).toBe('1');
    await waitUntil(async () => (await page.title()) === `(1) ${title}`, 'the unread count in the title');
    expect(await launcher.getAttribute('aria-label')).toBe('Open chat (1 unread message)');
    // Not read while the chat is closed.
    expect(admin.messages(conversationId).find((message) => message.id === reply.id)?.status).not.toBe('read');

    await launcher.click();
    await chat.message('Answer while you browse').waitFor();
    await byTestId(page, 'chat-unread-badge').waitFor({ state: 'detached' });
    await waitUntil(async () => (await page.title()) === title, 'the title without a count');
    await waitUntil(() => admin.messages(conversationId).find((message) => message.id === reply.id)?.status === 'read', 'the reply to be read');
  });

  it('can be used with the keyboard alone: open, write, send, close', async () => {
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await page.goto('/');
    await page.locator('body').waitFor();
    for (let presses = 0; presses < 80; presses += 1) {
      await page.keyboard.press('Shift+Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'chat-launcher')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chat-launcher');
    await page.keyboard.press('Enter');
    await chat.input.waitFor();
    await waitUntil(() => chat.input.evaluate((element) => element === document.activeElement), 'the composer to have focus');
    await page.keyboard.type('Line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Line two');
    await page.keyboard.press('Enter');
    const sent = chat.message('Line two');
    await sent.waitFor();
    expect(await sent.locator('br').count()).toBe(1);
    expect(await chat.input.inputValue()).toBe('');
    expect(await chat.input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await chat.panel.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chat-launcher');
  });

  it('labels every control of the chat for assistive technology', async () => {
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await page.goto('/');
    await byTestId(page, 'chat-launcher').click();
    await chat.testId('profile-prompt').waitFor();
    await chat.testId('preferences-menu').locator('summary').click();
    const unnamed = await page.evaluate(() => {
      const nameOf = (element: Element) => {
        const labelledBy = element.getAttribute('aria-labelledby');
        const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])].map((label) => label.textContent) : [];
        return [
          element.getAttribute('aria-label'),
          labelledBy ? document.getElementById(labelledBy)?.textContent : null,
          ...labels,
          element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' ? null : element.textContent,
        ].some((name) => name && name.trim() !== '');
      };
      const controls = document.querySelectorAll('[data-testid="chat-widget-panel"] :is(button, a, input, textarea, select, summary), [data-testid="chat-launcher"]');
      return { checked: controls.length, unnamed: [...controls].filter((element) => !nameOf(element)).map((element) => element.outerHTML.slice(0, 120)) };
    });
    // Launcher, header buttons, settings, both selects, the profile card, the composer and send.
    expect(unnamed.checked).toBeGreaterThanOrEqual(12);
    expect(unnamed.unnamed).toEqual([]);
  });

  it('has no serious or critical accessibility violations with the widget open (axe-core)', async () => {
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await page.goto('/');
    await byTestId(page, 'chat-launcher').click();
    await chat.testId('profile-prompt').waitFor();
    expect(await seriousAccessibilityViolations(page, '[data-testid="chat-widget-panel"]')).toEqual([]);
    expect(await seriousAccessibilityViolations(page, '[data-testid="chat-launcher"]')).toEqual([]);
  });

  it('speaks the browser language, switches language and theme, and remembers both', async () => {
    const { page } = await e2e.newVisitorPage({ locale: 'id-ID' });
    const chat = new VisitorChat(page);
    await chat.openPage();
    expect(await chat.input.getAttribute('placeholder')).toBe('Tulis pesan…');
    expect(await chat.panel.getAttribute('lang')).toBe('id');
    expect(await chat.testId('send-button').getAttribute('aria-label')).toBe('Kirim pesan');

    await chat.testId('preferences-menu').locator('summary').click();
    await chat.testId('language-select').selectOption('en');
    await chat.testId('theme-select').selectOption('dark');
    expect(await chat.input.getAttribute('placeholder')).toBe('Write a message…');
    const background = () => chat.panel.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(isDark(await background())).toBe(true);

    await page.reload();
    await chat.input.waitFor();
    // The server renders the default; the remembered choice applies as the page hydrates.
    await waitUntil(async () => /(^|\s)dark(\s|$)/.test((await chat.panel.getAttribute('class')) ?? ''), 'the remembered dark theme');
    expect(await chat.input.getAttribute('placeholder')).toBe('Write a message…');
    expect(isDark(await background())).toBe(true);
    await e2e.screenshot(page, 'chat-dark-1280x800');
  });

  it('asks for a name and email without blocking the chat, and passes them on to the owner', async () => {
    const admin = await connectOwner();
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    const prompt = chat.testId('profile-prompt');
    await prompt.waitFor();
    // Writing first works: the prompt does not stand in the way.
    await chat.send('Hello before introducing myself');
    await admin.conversationOf('before introducing');

    await byTestId(prompt, 'visitor-email').fill('not-an-email');
    await byTestId(prompt, 'visitor-name').fill('Ana Visitor');
    await byTestId(prompt, 'profile-save').click();
    expect(await prompt.getByText('Enter a valid email address.').count()).toBe(1);
    await byTestId(prompt, 'visitor-email').fill('ana@example.com');
    await byTestId(prompt, 'profile-save').click();
    await prompt.waitFor({ state: 'detached' });

    await chat.send('Now you know who I am');
    const alert = await waitUntil(() => admin.alerts.find((candidate) => candidate.message.content === 'Now you know who I am'), 'the alert');
    expect(alert.conversation).toMatchObject({ visitorName: 'Ana Visitor', visitorEmail: 'ana@example.com' });
    await page.reload();
    await chat.input.waitFor();
    expect(await prompt.count()).toBe(0);
  });
});
