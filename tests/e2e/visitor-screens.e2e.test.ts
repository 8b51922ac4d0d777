import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '@/db/client';
import type { Repository } from '@/db/repository';
import { openServerDatabase } from '../realtime/helpers';
import { connectAdmin, type AdminDriver } from './helpers/admin-api';
import { useE2e, viewports } from './helpers/fixtures';
import { byTestId, VisitorChat, waitUntil } from './helpers/page-objects';

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

  async function visitorWithHistory(viewport: { width: number; height: number }) {
    const { context, page } = await e2e.newVisitorPage({ viewport });
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
});
