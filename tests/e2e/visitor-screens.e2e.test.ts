import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '@/db/client';
import type { Repository } from '@/db/repository';
import { openServerDatabase } from '../helpers/production-server';
import { connectAdmin, type AdminDriver } from './helpers/admin-api';
import { useE2e, viewports } from './helpers/fixtures';
import { byTestId, explainFailure, textIfPresent, VisitorChat, waitUntil } from './helpers/page-objects';

const AI_ANSWER = [
  'I mostly work with **TypeScript** and *Go*:',
  '',
  '- Next.js and React on the front end',
  '- PostgreSQL and MySQL, with `drizzle-orm`',
  '',
  'See [my projects](https://example.com/projects) for details.',
].join('\n');

/** No element sticks out sideways: the page never scrolls horizontally. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('visitor chat screens', () => {
  // The assistant's message is written straight into the database, so the conversation is the same every run.
  const e2e = useE2e({ settings: { aiEnabled: false } });
  let db: { database: Database; repository: Repository };
  /** The owner stays online while the screenshots are taken. */
  let admin: AdminDriver;
  /** The visitor's localStorage after the conversation below, replayed into each screenshot context. */
  let storage: { name: string; value: string }[];

  beforeAll(async () => {
    db = openServerDatabase(e2e.server);
    admin = await connectAdmin(e2e.server, e2e.adminCookie);
    const { context, page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    await byTestId(chat.panel, 'profile-skip').click();
    await chat.send("Hi! What's your tech stack?");
    const conversationId = await admin.conversationOf('tech stack');
    await db.repository.createMessage({ conversationId, senderType: 'ai', content: AI_ANSWER, metadata: { provider: 'local', model: 'portfolio' } });
    await chat.send('Can I talk to you directly?');
    await admin.conversationOf('directly');
    await admin.open(conversationId);
    await admin.reply(conversationId, "Sure — I'm here. What would you like to know?");
    await admin.markRead(conversationId);
    await chat.message('What would you like').waitFor();
    storage = (await context.storageState()).origins.flatMap((origin) => origin.localStorage);
    await context.close();
  });
  afterAll(async () => {
    admin?.close();
    await db?.database.close();
  });

  /** A visitor who already chatted; below 640 px wide, on a touch phone. */
  async function visitorWithHistory(viewport: { width: number; height: number }) {
    const phone = viewport.width < 640;
    const { context, page } = await e2e.newVisitorPage({ viewport, isMobile: phone, hasTouch: phone });
    await context.addInitScript((entries) => {
      for (const { name, value } of entries) window.localStorage.setItem(name, value);
    }, storage);
    return { context, page, chat: new VisitorChat(page) };
  }

  for (const [name, viewport] of [
    ['desktop', viewports.desktop],
    ['phone', viewports.phone],
  ] as const) {
    it(`shows /chat at ${viewport.width}×${viewport.height} with history, badges and Markdown`, async () => {
      const { page, chat } = await visitorWithHistory(viewport);
      await chat.openPage();
      await chat.message('What would you like').waitFor();
      await chat.message('my projects').locator('a').waitFor();
      await waitUntil(async () => (await chat.testId('owner-presence').getAttribute('data-online')) === 'true', 'the owner to show as online');
      expect(await chat.messages.count()).toBe(4);
      expect(await chat.testId('ai-badge').count()).toBe(1);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.waitForTimeout(300);
      await e2e.screenshot(page, `chat-${name}-${viewport.width}x${viewport.height}`);
    });
  }

  it('opens the widget from the home page at 360 px as a full-screen chat, and not on /chat', async () => {
    const { page, chat } = await visitorWithHistory(viewports.narrow);
    await page.goto('/');
    const launcher = byTestId(page, 'chat-launcher');
    await launcher.click();
    await chat.message('What would you like').waitFor();
    const box = await byTestId(page, 'chat-widget-panel').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: viewports.narrow.width, height: viewports.narrow.height });
    expect(await horizontalOverflow(page)).toBe(0);
    await e2e.screenshot(page, 'widget-phone-360x740');
    await page.keyboard.press('Escape');
    await byTestId(page, 'chat-widget-panel').waitFor({ state: 'detached' });

    await page.goto('/chat');
    await chat.input.waitFor();
    expect(await launcher.count()).toBe(0);
  });

  it('opens the widget on the desktop home page', async () => {
    const { page, chat } = await visitorWithHistory(viewports.desktop);
    await page.goto('/');
    await byTestId(page, 'chat-launcher').click();
    await chat.message('What would you like').waitFor();
    await page.waitForTimeout(300);
    await e2e.screenshot(page, 'widget-desktop-1280x800');
  });

  it('loads older messages when scrolling up, keeping the reader in place, and follows new ones only from the bottom', async () => {
    const { page } = await e2e.newVisitorPage({ viewport: viewports.desktop });
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send('Start of a long conversation');
    await chat.waitForStatus('Start of a long conversation', 'sent');
    const { conversationId } = await page.evaluate(() => JSON.parse(window.localStorage.getItem('tanya.chat.session')!) as { conversationId: string });
    for (let index = 1; index <= 129; index += 1) {
      await db.repository.createMessage({ conversationId, senderType: index % 2 ? 'admin' : 'visitor', content: `History line ${index}` });
    }

    await page.reload();
    await chat.message('History line 129').waitFor();
    // The newest page (100 messages) first; the rest on demand.
    expect(await chat.messages.count()).toBe(100);
    const list = chat.testId('message-list');
    const firstShown = chat.messages.first();
    const firstText = (await firstShown.textContent())!.match(/History line \d+/)![0];
    await list.evaluate((element) => {
      element.scrollTop = 0;
    });
    // On failure, say whether the list was pulled back down or stayed at the top with nothing loaded.
    await explainFailure(waitUntil(async () => (await chat.messages.count()) === 130, 'the older page'), async () => {
      const where = await list.evaluate((element) => ({ scrollTop: element.scrollTop, scrollHeight: element.scrollHeight }));
      return `list: ${JSON.stringify(where)}; load-older button: ${await textIfPresent(chat.testId('load-older'), 'none')}`;
    });
    expect(await chat.testId('load-older').count()).toBe(0);
    // The message that was on top is still where the reader looks, not pushed away by the prepended page.
    const listBox = (await list.boundingBox())!;
    const keptBox = (await chat.message(firstText).boundingBox())!;
    expect(keptBox.y).toBeGreaterThanOrEqual(listBox.y - keptBox.height);
    expect(keptBox.y).toBeLessThan(listBox.y + listBox.height);

    // Reading old messages: a new reply does not yank the list down; a button offers the jump.
    const scrollTop = await list.evaluate((element) => element.scrollTop);
    await admin.reply(conversationId, 'A reply while you scroll back');
    await chat.message('A reply while you scroll back').waitFor();
    await chat.testId('jump-to-latest').waitFor();
    expect(await list.evaluate((element) => element.scrollTop)).toBe(scrollTop);
    await chat.testId('jump-to-latest').click();
    const atBottom = () => list.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight < 2);
    await waitUntil(atBottom, 'the list at the bottom');
    // At the bottom, the next reply scrolls into view by itself.
    await admin.reply(conversationId, 'And one more');
    await chat.message('And one more').waitFor();
    await waitUntil(atBottom, 'the list to follow the new reply');
  });
});
