import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import type { Repository } from '@/db/repository';
import { samplePortfolio } from '@/portfolio/sample';
import { openServerDatabase } from '../helpers/production-server';
import { api } from '../helpers/server';
import { connectAdmin } from './helpers/admin-api';
import { countChimes } from './helpers/chimes';
import { useE2e } from './helpers/fixtures';
import { interceptSendAcks } from './helpers/send-acks';
import { byTestId, VisitorChat, waitUntil } from './helpers/page-objects';

const chimes = (chat: VisitorChat) => chat.page.evaluate(() => (window as unknown as { chimes: number }).chimes);

/*
 * The visitor chat on a fresh install's built-in assistant, which answers in
 * a few milliseconds: often before the browser has even heard that its
 * message was stored. What the visitor sees must not depend on that order.
 */
describe('visitor chat with the built-in assistant', () => {
  const e2e = useE2e({ settings: { aiEnabled: true, aiProvider: 'local' } });
  let db: { database: Database; repository: Repository };
  beforeAll(() => {
    db = openServerDatabase(e2e.server);
  });
  afterAll(async () => {
    await db?.database.close();
  });

  it('chimes for the first reply of a brand-new conversation', async () => {
    const { context, page } = await e2e.newVisitorPage();
    await context.addInitScript(countChimes);
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send('Hi!');
    await page.locator('[data-testid="message"][data-sender="ai"]').first().waitFor();
    await waitUntil(async () => (await chimes(chat)) > 0, 'the chime for the first reply', 5_000);
  });

  it('stops "thinking" once the answer to a second question is in', async () => {
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    const aiMessages = page.locator('[data-testid="message"][data-sender="ai"]');
    // The answer comes before the send's own answer (over the socket or HTTP): what a fast assistant and a slow
    // network produce. The page must not take the already-shown answer for an old one and wait for another.
    let holdNextAnswer = false;
    let released!: () => void;
    const responded = new Promise<void>((resolve) => (released = resolve));
    const afterTheReply = async () => {
      holdNextAnswer = false;
      await aiMessages.nth(1).waitFor();
      released();
    };
    await interceptSendAcks(page, async () => {
      if (holdNextAnswer) await afterTheReply();
      return 'pass' as const;
    });
    await page.route('**/api/chat/send', async (route) => {
      if (!holdNextAnswer) return route.continue();
      const response = await route.fetch();
      await afterTheReply();
      await route.fulfill({ response });
    });
    await chat.openPage();
    await chat.send('Hi!');
    await aiMessages.first().waitFor();
    await waitUntil(async () => (await chat.testId('ai-thinking').count()) === 0, '"thinking" gone after the first answer', 5_000);
    holdNextAnswer = true;
    await chat.send('Where are you based?');
    await responded;
    // Time for the page to handle the send's answer (the 30 s fallback would clear "thinking" much later).
    await page.waitForTimeout(1_000);
    expect(await chat.testId('ai-thinking').count()).toBe(0);
    expect(await aiMessages.count()).toBe(2);
  });

  it('offers published Q&A in the visitor\'s language before they type, and a tap asks it', async () => {
    const { page } = await e2e.newVisitorPage({ locale: 'id-ID' });
    const chat = new VisitorChat(page);
    await chat.openPage();
    const suggestions = chat.testId('suggested-question');
    const expected = samplePortfolio.qa.filter((entry) => entry.language === 'id').map((entry) => entry.question);
    await suggestions.first().waitFor();
    // Never the English ones first: the session is asked in the chat's language from the start.
    expect(await suggestions.allTextContents()).toEqual(expected);
    expect(await chat.testId('welcome-message').textContent()).toContain('Tanyakan apa saja');

    await suggestions.first().click();
    // Asked as the visitor's own message (the answer's source chip names the question too).
    await page.locator('[data-testid="message"][data-sender="visitor"]').filter({ hasText: expected[0]! }).waitFor();
    await waitUntil(async () => (await chat.testId('suggested-questions').count()) === 0, 'the suggestions gone once the visitor asked');
  });

  it('shows the facts an answer used as chips under the bubble, to the visitor and the owner', async () => {
    const admin = await connectAdmin(e2e.server, e2e.adminCookie);
    try {
      const { page } = await e2e.newVisitorPage();
      const chat = new VisitorChat(page);
      await chat.openPage();
      await chat.send('Tell me about the Kopiloka storefront');
      const conversationId = await admin.conversationOf('Kopiloka storefront');
      await db.repository.createMessage({
        conversationId,
        senderType: 'ai',
        content: 'A shop for a coffee subscription, built for speed.',
        metadata: { provider: 'local', sources: [{ source: 'projects', label: 'Projects › Kopiloka Storefront' }] },
      });
      await db.repository.createMessage({ conversationId, senderType: 'ai', content: 'An answer that names no facts.', metadata: { provider: 'local' } });
      // The stored message reaches the page on its next gap fill; a reload is the simplest one.
      await page.reload();
      const answer = chat.message('built for speed');
      await answer.waitFor();
      expect(await byTestId(answer, 'message-source').allTextContents()).toEqual(['from Projects › Kopiloka Storefront']);
      // An answer without sources has no chips.
      expect(await byTestId(chat.message('names no facts'), 'message-sources').count()).toBe(0);

      const adminPage = await (await e2e.newAdminContext()).newPage();
      await adminPage.goto(`/admin/chat?c=${conversationId}`);
      const ownerView = byTestId(adminPage, 'conversation-panel').locator('[data-testid="message"]').filter({ hasText: 'built for speed' });
      await ownerView.waitFor();
      expect(await byTestId(ownerView, 'message-source').allTextContents()).toEqual(['from Projects › Kopiloka Storefront']);
    } finally {
      admin.close();
    }
  });

  it('lists what the assistant could not answer in the inbox; the owner answers it into the Q&A once', async () => {
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send('Do you have a dog?');
    await page.locator('[data-testid="message"][data-sender="ai"]').first().waitFor();

    const adminPage = await (await e2e.newAdminContext()).newPage();
    await adminPage.goto('/admin/chat');
    await byTestId(adminPage, 'inbox-tab-unanswered').click();
    const question = byTestId(adminPage, 'unanswered-question').filter({ hasText: 'Do you have a dog?' });
    await question.waitFor();
    expect(await byTestId(question, 'unanswered-count').textContent()).toBe('1×');
    await byTestId(question, 'unanswered-answer-open').click();
    await byTestId(question, 'unanswered-answer').fill('Yes: a corgi called Bakso.');
    await byTestId(question, 'unanswered-save-answer').click();
    await question.waitFor({ state: 'detached' });

    const portfolio = await api(e2e.server, '/api/admin/portfolio', { cookie: e2e.adminCookie });
    expect(portfolio.body.data.qa.at(-1)).toMatchObject({ question: 'Do you have a dog?', answer: 'Yes: a corgi called Bakso.', published: true });
    // Published, so the home page shows it under "People ask".
    await page.goto('/');
    const peopleAsk = byTestId(page, 'people-ask');
    await peopleAsk.waitFor();
    expect(await byTestId(peopleAsk, 'people-ask-item').filter({ hasText: 'Do you have a dog?' }).count()).toBe(1);
  });
});
