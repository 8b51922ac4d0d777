import { describe, expect, it } from 'vitest';
import { storedMessages, useAdminDriver } from './helpers/admin-api';
import { useE2e } from './helpers/fixtures';
import { seriousAccessibilityViolations } from './helpers/axe';
import { interceptSendAcks } from './helpers/send-acks';
import { VisitorChat, waitUntil } from './helpers/page-objects';

// One server and browser for the whole file; each test has its own visitor context (own session).
describe('visitor chat', () => {
  // The owner answers here; the assistant's part has its own file.
  const e2e = useE2e({ settings: { aiEnabled: false } });
  const connectOwner = useAdminDriver(e2e);

  describe('with the owner', () => {
    it('delivers both ways live, with ticks going sent → delivered → read and typing shown on both sides', async () => {
      const admin = await connectOwner();
      const { page } = await e2e.newVisitorPage();
      const chat = new VisitorChat(page);
      await chat.openPage();
      // The welcome message from chat settings greets a first-time visitor.
      await chat.testId('welcome-message').waitFor();
      expect(await chat.testId('welcome-message').textContent()).toContain('Ask me anything about my work');
      await waitUntil(async () => (await chat.testId('owner-presence').getAttribute('data-online')) === 'true', 'the owner to show as online');

      await chat.send('Hello from the browser');
      await expect.poll(() => chat.statusOf('Hello from the browser')).toBe('sent');
      expect(await chat.input.evaluate((element) => element === document.activeElement)).toBe(true);

      const conversationId = await admin.conversationOf('Hello from the browser');
      await admin.open(conversationId);
      await chat.waitForStatus('Hello from the browser', 'delivered');
      await admin.markRead(conversationId);
      await chat.waitForStatus('Hello from the browser', 'read');

      // The owner types: the visitor sees it; the visitor types: the owner hears it.
      admin.typing(conversationId, true);
      await chat.testId('typing-indicator').waitFor();
      const heard = new Promise((resolve) =>
        admin.connector.subscribe(`private-conversation-${conversationId}`).bind('client-typing', (data) => data.senderType === 'visitor' && resolve(data)),
      );
      await chat.input.pressSequentially('typing', { delay: 10 });
      await expect(heard).resolves.toMatchObject({ isTyping: true, senderType: 'visitor' });
      await chat.input.fill('');

      const reply = await admin.reply(conversationId, 'Hi! **Welcome** to my site.');
      const replyBubble = chat.message('to my site');
      await replyBubble.waitFor();
      expect(await replyBubble.getAttribute('data-sender')).toBe('admin');
      expect(await replyBubble.locator('strong').textContent()).toBe('Welcome');
      // Screen readers hear the new message (a polite live region, not the whole history).
      expect(await chat.testId('live-region').textContent()).toBe('New message from Rizky Pratama: Hi! **Welcome** to my site.');
      await chat.testId('typing-indicator').waitFor({ state: 'detached' });
      // The visitor has it on screen: the owner's message becomes read.
      await waitUntil(() => admin.messages(conversationId).find((message) => message.id === reply.id)?.status === 'read', 'the reply to be read');

      // Reload: the whole history is back, from the session kept in localStorage.
      await page.reload();
      await chat.message('to my site').waitFor();
      expect(await chat.messages.count()).toBe(2);
      expect(await chat.statusOf('Hello from the browser')).toBe('read');
      expect((await storedMessages(e2e.server, e2e.adminCookie, conversationId)).length).toBe(2);
      // The visitor's page never asked for anything it may not have (no refused subscription or typing relay).
      expect(e2e.server.logs.filter((entry) => typeof entry.security === 'string').map((entry) => entry.security)).toEqual([]);
    });
  });

  it('has no serious or critical accessibility violations on /chat, with a conversation under way (axe-core)', async () => {
    const admin = await connectOwner();
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send('Checking accessibility');
    await expect.poll(() => chat.statusOf('Checking accessibility')).toBe('sent');
    await admin.reply(await admin.conversationOf('Checking accessibility'), 'An answer with a [link](https://example.com) and `code`.');
    await chat.message('An answer with').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  describe('when the network fails', () => {
    it('keeps messages written offline in the outbox and sends each exactly once when the connection returns', async () => {
      const admin = await connectOwner();
      const { context, page } = await e2e.newVisitorPage();
      const chat = new VisitorChat(page);
      await chat.openPage();
      await chat.send('Before going offline');
      await expect.poll(() => chat.statusOf('Before going offline')).toBe('sent');
      const conversationId = await admin.conversationOf('Before going offline');

      await context.setOffline(true);
      await waitUntil(async () => (await chat.testId('connection-banner').getAttribute('data-state')) === 'reconnecting', 'the reconnecting banner');
      await chat.send('Written offline, one');
      await chat.send('Written offline, two');
      expect(await chat.statusOf('Written offline, one')).toBe('pending');
      expect(await chat.statusOf('Written offline, two')).toBe('pending');
      expect(await chat.testId('connection-banner').textContent()).toContain('2 messages waiting to be sent');

      await context.setOffline(false);
      await waitUntil(async () => (await chat.testId('connection-banner').getAttribute('data-state')) === 'back-online', 'the back-online banner', 20_000);
      await chat.waitForStatus('Written offline, two', 'sent', 20_000);
      expect(await chat.statusOf('Written offline, one')).toBe('sent');

      const contents = (await storedMessages(e2e.server, e2e.adminCookie, conversationId)).map((message) => message.content);
      expect(contents).toEqual(['Before going offline', 'Written offline, one', 'Written offline, two']);
      expect(await chat.messages.count()).toBe(3);
    });

    it('two tabs of one visitor, both offline, each queue a message: both are sent, each exactly once', async () => {
      const admin = await connectOwner();
      const { context, page } = await e2e.newVisitorPage();
      const first = new VisitorChat(page);
      await first.openPage();
      await first.send('Opening from the first tab');
      await expect.poll(() => first.statusOf('Opening from the first tab')).toBe('sent');
      const conversationId = await admin.conversationOf('Opening from the first tab');
      const second = new VisitorChat(await context.newPage());
      await second.openPage();
      await second.message('Opening from the first tab').waitFor();

      await context.setOffline(true);
      await first.send('Queued in the first tab');
      await second.send('Queued in the second tab');
      expect(await first.statusOf('Queued in the first tab')).toBe('pending');
      expect(await second.statusOf('Queued in the second tab')).toBe('pending');

      await context.setOffline(false);
      await first.waitForStatus('Queued in the first tab', 'sent', 20_000);
      await second.waitForStatus('Queued in the second tab', 'sent', 20_000);
      const contents = (await storedMessages(e2e.server, e2e.adminCookie, conversationId)).map((message) => message.content);
      expect(contents.sort()).toEqual(['Opening from the first tab', 'Queued in the first tab', 'Queued in the second tab']);
    });

    it('keeps an unanswered message across a reload and stores it once even though the server got every attempt', async () => {
      const { page } = await e2e.newVisitorPage();
      // Every send reaches the server, but its answer is lost on the way back, over the socket and over HTTP alike.
      let losing = false;
      let attempts = 0;
      await interceptSendAcks(page, () => {
        if (!losing) return 'pass';
        attempts += 1;
        return 'drop';
      });
      await page.route('**/api/chat/send', async (route) => {
        if (!losing) return route.continue();
        attempts += 1;
        await route.fetch();
        await route.abort('connectionreset');
      });
      const chat = new VisitorChat(page);
      await chat.openPage();
      await chat.send('Opening line');
      await expect.poll(() => chat.statusOf('Opening line')).toBe('sent');

      losing = true;
      await chat.send('Answer lost');
      await waitUntil(() => attempts >= 1, 'the first attempt');
      await page.reload();
      await chat.message('Answer lost').waitFor();
      // Shown once: the stored copy (loaded with the history) hides the outbox's.
      expect(await chat.messages.filter({ hasText: 'Answer lost' }).count()).toBe(1);

      losing = false;
      await waitUntil(
        () => page.evaluate(() => window.localStorage.getItem('tanya.chat.outbox') === null),
        'the outbox to empty after the retry',
        20_000,
      );
      const session = await page.evaluate(() => JSON.parse(window.localStorage.getItem('tanya.chat.session')!) as { conversationId: string });
      const contents = (await storedMessages(e2e.server, e2e.adminCookie, session.conversationId)).map((message) => message.content);
      expect(contents).toEqual(['Opening line', 'Answer lost']);
      expect(attempts).toBeGreaterThanOrEqual(1);
    });
    it('tells the visitor to slow down when rate limited and sends the message once allowed', async () => {
      const { page } = await e2e.newVisitorPage();
      const error = 'You are sending messages too quickly. Try again shortly.';
      // The first send is refused, whichever way it goes: the socket's answer or the HTTP one.
      let refused = 0;
      await interceptSendAcks(page, () => (refused++ === 0 ? { replaceWith: { ok: false, error, code: 'rate_limit:message', retryAfterMs: 1000 } } : 'pass'));
      await page.route('**/api/chat/send', async (route) => {
        if (refused++ > 0) return route.continue();
        await route.fulfill({
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '1' },
          body: JSON.stringify({ success: false, error, code: 'rate_limit:message' }),
        });
      });
      const chat = new VisitorChat(page);
      await chat.openPage();
      await chat.send('Slow down, please');
      await chat.testId('rate-limit-notice').waitFor();
      expect(await chat.statusOf('Slow down, please')).toBe('pending');
      await chat.waitForStatus('Slow down, please', 'sent', 10_000);
      await chat.testId('rate-limit-notice').waitFor({ state: 'detached' });
      expect(await chat.messages.filter({ hasText: 'Slow down, please' }).count()).toBe(1);
    });
  });

  describe('Markdown safety', () => {
    it('shows HTML as text and makes javascript: links inert, on both sides, with no dialog', async () => {
      const admin = await connectOwner();
      const { page } = await e2e.newVisitorPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const chat = new VisitorChat(page);
      await chat.openPage();
      const attack = '<img src=x onerror=alert(1)> and [click me](javascript:alert(2)) and ![pic](javascript:alert(3))';
      await chat.send(attack);
      const conversationId = await admin.conversationOf('onerror');
      await admin.reply(conversationId, '<script>alert(4)</script><svg onload=alert(5)> [owner link](JaVaScRiPt:alert(6)) ![tracker](https://tracker.example/pixel.gif)');

      const sent = chat.message('onerror');
      const reply = chat.message('owner link');
      await reply.waitFor();
      expect(await sent.textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await reply.textContent()).toContain('<script>alert(4)</script>');
      for (const bubble of [sent, reply]) {
        expect(await bubble.locator('img, script, svg[onload], iframe').count()).toBe(0);
        for (const link of await bubble.locator('a').all()) {
          expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
          expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
          expect(await link.getAttribute('target')).toBe('_blank');
        }
      }
      // The inert link's text is still there, without an href to follow.
      const inert = sent.locator('[data-testid="inert-link"]').first();
      expect(await inert.textContent()).toBe('click me');
      await inert.click();
      // The remote image is a link, never loaded.
      expect(await reply.locator('[data-testid="image-link"]').getAttribute('href')).toBe('https://tracker.example/pixel.gif');
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
    });
  });
});
