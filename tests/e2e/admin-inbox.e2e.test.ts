import { beforeAll, describe, expect, it } from 'vitest';
import { startCuttableProxy } from '../chat/realtime-helpers';
import { api } from '../helpers/server';
import { AdminInbox, changeSettings, conversationWith, untilOwnerOnline } from './helpers/admin-inbox';
import { useE2e, viewports } from './helpers/fixtures';
import { seriousAccessibilityViolations } from './helpers/axe';
import { byTestId, explainFailure, VisitorChat, waitUntil } from './helpers/page-objects';

/*
 * The owner's inbox at /admin/chat against a real visitor in a second
 * browser context. The AI assistant is off unless a test turns it on, so
 * only the owner answers.
 */
describe('admin inbox', () => {
  const e2e = useE2e();
  beforeAll(() => changeSettings(e2e.server, e2e.adminCookie, { aiEnabled: false }));

  async function openInbox(viewport: { width: number; height: number } = viewports.desktop) {
    const context = await e2e.newAdminContext({ viewport });
    const inbox = new AdminInbox(await context.newPage());
    await inbox.open();
    return inbox;
  }

  async function openVisitor() {
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    return chat;
  }

  it('shows a visitor message live within a second, and carries reply, typing and read receipts both ways', async () => {
    const inbox = await openInbox();
    await untilOwnerOnline(e2e.server);
    const chat = await openVisitor();

    await chat.input.click();
    await chat.input.pressSequentially('Hello owner, are you there?', { delay: 5 });
    const sentAt = Date.now();
    await chat.input.press('Enter');
    await inbox.item('Hello owner, are you there?').waitFor({ timeout: 5_000 });
    const elapsed = Date.now() - sentAt;
    expect(elapsed, 'ms from Enter to the row in the inbox').toBeLessThan(1_000);
    const row = await inbox.row('Hello owner, are you there?');
    expect(await byTestId(row, 'unread-count').textContent()).toBe('1');
    expect(await inbox.page.title()).toMatch(/^\(1\) /);

    // Opening it shows the message and reads it: the visitor's ticks turn to read, the unread count goes.
    await inbox.openConversation('Hello owner');
    await inbox.message('Hello owner, are you there?').waitFor();
    await chat.waitForStatus('Hello owner, are you there?', 'read');
    await byTestId(row, 'unread-count').waitFor({ state: 'detached' });
    await waitUntil(async () => !/^\(\d+\)/.test(await inbox.page.title()), 'the unread count to leave the title');

    // The owner types: the visitor sees it. The visitor types: the owner sees it.
    await inbox.input.click();
    await inbox.input.pressSequentially('Hi', { delay: 20 });
    await chat.testId('typing-indicator').waitFor();
    await inbox.input.fill('');
    await chat.input.click();
    await chat.input.pressSequentially('more to say', { delay: 20 });
    await byTestId(inbox.panel, 'typing-indicator').waitFor();
    await chat.input.fill('');

    // The reply reaches the visitor; once on the visitor's screen the owner's ticks say read.
    await inbox.reply('Yes! **How can I help?**');
    await chat.message('How can I help?').waitFor();
    expect(await chat.message('How can I help?').getAttribute('data-sender')).toBe('admin');
    await waitUntil(async () => (await inbox.message('How can I help?').getAttribute('data-status')) === 'read', 'the reply to show as read');
    // Answering by hand took the conversation over from the AI; the row previews the reply.
    await waitUntil(async () => (await inbox.badgeOf(row)) === 'Manual', 'the row to say Manual');
    expect(await byTestId(row, 'conversation-preview').textContent()).toBe('You: Yes! How can I help?');
  });

  it('has no serious or critical accessibility violations on /admin/chat with a conversation open (axe-core)', async () => {
    const inbox = await openInbox();
    const chat = await openVisitor();
    await chat.send('Is the inbox accessible?');
    await inbox.item('Is the inbox accessible?').waitFor();
    await inbox.openConversation('Is the inbox accessible?');
    await inbox.message('Is the inbox accessible?').waitFor();
    expect(await seriousAccessibilityViolations(inbox.page)).toEqual([]);
  });

  it('takes over, hands back, resolves and reopens a conversation', async () => {
    const inbox = await openInbox();
    const chat = await openVisitor();
    await chat.send('Please resolve me later');
    const row = await inbox.openConversation('Please resolve me later');
    const panelBadge = byTestId(inbox.panel, 'handling-badge');
    expect(await panelBadge.textContent()).toBe('AI');

    await inbox.testId('take-over').click();
    await waitUntil(async () => (await panelBadge.textContent()) === 'Manual', 'the panel to say Manual');
    expect(await inbox.badgeOf(row)).toBe('Manual');
    await inbox.testId('hand-back-to-ai').click();
    await waitUntil(async () => (await panelBadge.textContent()) === 'AI', 'the panel to say AI again');

    // Resolved: it leaves the Active list and shows under Resolved.
    await inbox.testId('resolve-conversation').click();
    await waitUntil(async () => (await byTestId(inbox.panel, 'status-badge').textContent()) === 'resolved', 'the status to be resolved');
    await row.waitFor({ state: 'detached' });
    await inbox.testId('status-filter-resolved').click();
    await row.waitFor();

    await inbox.testId('reopen-conversation').click();
    await waitUntil(async () => (await byTestId(inbox.panel, 'status-badge').textContent()) === 'active', 'the status to be active again');
    await inbox.testId('status-filter-active').click();
    await row.waitFor();
  });

  it('searches by name, email and message text', async () => {
    const chat = await openVisitor();
    await chat.send('Looking for a Rust contractor');
    const inbox = await openInbox();
    await inbox.item('Looking for a Rust contractor').waitFor();
    await inbox.testId('inbox-search').fill('rust contractor');
    await waitUntil(async () => (await inbox.items.count()) === 1, 'only the matching conversation to be listed');
    await inbox.testId('inbox-search').fill('no such words anywhere');
    await inbox.testId('conversation-list-empty').waitFor();
  });

  it('alerts the owner: a chime (which can be muted), a desktop notification while the tab is hidden, the count in the title', async () => {
    const context = await e2e.newAdminContext();
    // Stand-ins the test can observe: a hidden tab, a granted Notification API, and the chime's oscillators.
    await context.addInitScript(() => {
      const page = window as unknown as { hiddenForTest: boolean; notificationsForTest: { title: string; body?: string }[]; chimesForTest: number };
      page.hiddenForTest = false;
      page.notificationsForTest = [];
      page.chimesForTest = 0;
      Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => page.hiddenForTest });
      class RecordingNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options?: { body?: string }) {
          page.notificationsForTest.push({ title, body: options?.body });
        }
        close() {}
      }
      Object.defineProperty(window, 'Notification', { configurable: true, value: RecordingNotification });
      const createOscillator = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        page.chimesForTest += 1;
        return createOscillator.call(this);
      };
    });
    const inbox = new AdminInbox(await context.newPage());
    await inbox.open();
    const observed = () =>
      inbox.page.evaluate(() => {
        const page = window as unknown as { notificationsForTest: { title: string; body?: string }[]; chimesForTest: number };
        return { notifications: page.notificationsForTest, chimes: page.chimesForTest };
      });
    await inbox.page.evaluate(() => {
      (window as unknown as { hiddenForTest: boolean }).hiddenForTest = true;
    });
    // Earlier tests may have left unread messages: the title counts from there.
    await inbox.page.locator('[data-testid="conversation-list"], [data-testid="conversation-list-empty"]').first().waitFor();
    const unreadInTitle = async () => Number(/^\((\d+)\) /.exec(await inbox.page.title())?.[1] ?? 0);
    const unreadBefore = await unreadInTitle();

    const chat = await openVisitor();
    await chat.send('Ping while you are away');
    const first = await waitUntil(async () => {
      const now = await observed();
      return now.notifications.length === 1 && now.chimes > 0 ? now : null;
    }, 'a notification and a chime');
    expect(first.notifications[0]).toEqual({ title: expect.stringMatching(/^New message from Visitor #[0-9a-f]{6}$/), body: 'Ping while you are away' });
    // The title follows on a later render; conversations left by earlier tests may be reconciled meanwhile, so it
    // is the rise that is checked.
    const unreadAfterFirst = await waitUntil(async () => {
      const unread = await unreadInTitle();
      return unread > unreadBefore ? unread : null;
    }, 'the unread count in the title to rise');

    // Muted: still notified, no chime.
    await inbox.testId('sound-toggle').click();
    expect(await inbox.testId('sound-toggle').getAttribute('aria-pressed')).toBe('false');
    const chimesBefore = (await observed()).chimes;
    await chat.send('And once more');
    await waitUntil(async () => (await observed()).notifications.length === 2, 'the second notification');
    await waitUntil(async () => (await unreadInTitle()) > unreadAfterFirst, 'the unread count in the title to rise again');
    expect((await observed()).chimes).toBe(chimesBefore);
  });

  it('flips the AI switch in every open admin tab', async () => {
    const first = await openInbox();
    const second = await openInbox();
    await untilOwnerOnline(e2e.server);
    expect(await first.aiSwitch.getAttribute('aria-checked')).toBe('false');
    expect(await second.aiSwitch.getAttribute('aria-checked')).toBe('false');

    await first.aiSwitch.click();
    await waitUntil(async () => (await second.aiSwitch.getAttribute('aria-checked')) === 'true', 'the second tab to follow the switch', 3_000);
    expect(await second.testId('ai-auto-reply-status').textContent()).toContain('Changed by');
    // And back, from the other tab.
    await second.aiSwitch.click();
    await waitUntil(async () => (await first.aiSwitch.getAttribute('aria-checked')) === 'false', 'the first tab to follow back', 3_000);
  });

  it("shows the assistant's replies with their model, and highlights a conversation it hands over", async () => {
    await changeSettings(e2e.server, e2e.adminCookie, { aiEnabled: true, aiProvider: 'local' });
    try {
      const inbox = await openInbox();
      const chat = await openVisitor();
      await chat.send('What is your tech stack?');
      const row = inbox.rowOf(await conversationWith(e2e.server, e2e.adminCookie, 'What is your tech stack?'));
      await row.click();
      const aiMessage = byTestId(inbox.panel, 'message').and(inbox.page.locator('[data-sender="ai"]')).first();
      await aiMessage.waitFor();
      // The bubble may first show the conversation channel's (visitor's) copy; the admins' full one, with the model, follows.
      const badge = byTestId(aiMessage, 'ai-badge');
      await waitUntil(async () => /^local · /.test((await badge.getAttribute('title')) ?? ''), "the badge to name the assistant's model", 3_000);

      await chat.send('What is your salary expectation?');
      // On failure, say whether the server handed over and the inbox missed it, or the hand-over never happened.
      await explainFailure(byTestId(row, 'needs-human-badge').waitFor({ timeout: 15_000 }), async () => {
        const id = await row.getAttribute('data-conversation-id');
        const stored = await api(e2e.server, `/api/chat/messages?conversationId=${id}`, { cookie: e2e.adminCookie });
        const details = await api(e2e.server, `/api/chat/conversations/${id}`, { cookie: e2e.adminCookie });
        const messages = (stored.body.data?.messages ?? []) as { senderType: string; content: string }[];
        return `server: needsHuman=${details.body.data?.needsHuman}; messages: ${JSON.stringify(messages.map((m) => `${m.senderType}: ${m.content.slice(0, 50)}`))}`;
      });
      // Answering by hand clears it.
      await inbox.reply('I am here — what do you need?');
      await byTestId(row, 'needs-human-badge').waitFor({ state: 'detached' });
    } finally {
      await changeSettings(e2e.server, e2e.adminCookie, { aiEnabled: false });
    }
  });

  it('catches up after its connection drops: missed conversations and messages appear once it is back', async () => {
    // The admin reaches the server through a proxy the test can cut; the visitor goes straight to it.
    const proxy = await startCuttableProxy(e2e.server);
    try {
      const context = await e2e.newAdminContext({ baseURL: proxy.url });
      const inbox = new AdminInbox(await context.newPage());
      await inbox.open();
      const chat = await openVisitor();
      await chat.send('First, while the owner is connected');
      await inbox.openConversation('First, while the owner is connected');

      await proxy.cut();
      await waitUntil(async () => (await inbox.testId('connection-banner').getAttribute('data-state')) === 'reconnecting', 'the inbox to show the lost connection');
      await chat.send('Second, sent while the owner was cut off');
      const other = await openVisitor();
      await other.send('A new visitor the owner did not hear about');
      await proxy.restore();

      await inbox.message('Second, sent while the owner was cut off').waitFor({ timeout: 15_000 });
      await inbox.item('A new visitor the owner did not hear about').waitFor({ timeout: 15_000 });
      // Each shows once.
      expect(await byTestId(inbox.panel, 'message').filter({ hasText: 'Second, sent while' }).count()).toBe(1);
      expect(await inbox.items.filter({ hasText: 'A new visitor the owner' }).count()).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('works on a phone as two screens, and looks right at 1280×800 and 390×844', async () => {
    const chat = await openVisitor();
    await chat.send('Hi! Could you tell me about **your projects**? My budget is `flexible`.');

    const desktop = await openInbox(viewports.desktop);
    const row = await desktop.openConversation('your projects');
    const id = await row.getAttribute('data-conversation-id');
    await byTestId(desktop.panel, 'visitor-info').waitFor();
    expect(await desktop.testId('visitor-browser').textContent()).toMatch(/Chrome|Chromium/);
    await desktop.reply('Sure — have a look at the **Projects** section.');
    await desktop.message('Projects section').waitFor();
    await e2e.screenshot(desktop.page, 'admin-chat-1280x800');

    const phone = await openInbox(viewports.phone);
    const phoneRow = phone.page.locator(`[data-testid="conversation-list-item"][data-conversation-id="${id}"]`);
    await phoneRow.waitFor();
    expect(await phone.panel.count()).toBe(0);
    await e2e.screenshot(phone.page, 'admin-chat-list-390x844');
    await phoneRow.click();
    await phone.message('Projects section').waitFor();
    expect(await phone.testId('conversation-list').isVisible()).toBe(false);
    await e2e.screenshot(phone.page, 'admin-chat-390x844');
    // The visitor's details take the conversation's place, and give it back.
    await phone.testId('toggle-visitor-info').click();
    await phone.testId('visitor-browser').waitFor();
    await e2e.screenshot(phone.page, 'admin-chat-visitor-390x844');
    await phone.testId('toggle-visitor-info').click();
    await phone.message('Projects section').waitFor();
    // Nothing is wider than the screen.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports.phone.width);
    await phone.testId('back-to-list').click();
    await phone.testId('conversation-list').waitFor();
  });
});
