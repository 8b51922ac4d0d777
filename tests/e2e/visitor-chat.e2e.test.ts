import { afterEach, describe, expect, it } from 'vitest';
import { connectAdmin, storedMessages, type AdminDriver } from './helpers/admin-api';
import { useE2e } from './helpers/fixtures';
import { VisitorChat, waitUntil } from './helpers/page-objects';

describe('visitor chat with the owner', () => {
  const e2e = useE2e();
  let admin: AdminDriver | undefined;
  afterEach(() => {
    admin?.close();
    admin = undefined;
  });

  it('delivers both ways live, with ticks going sent → delivered → read and typing shown on both sides', async () => {
    admin = await connectAdmin(e2e.server, e2e.adminCookie);
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
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
      admin!.connector.subscribe(`private-conversation-${conversationId}`).bind('client-typing', (data) => data.senderType === 'visitor' && resolve(data)),
    );
    await chat.input.pressSequentially('typing', { delay: 10 });
    await expect(heard).resolves.toMatchObject({ isTyping: true, senderType: 'visitor' });
    await chat.input.fill('');

    const reply = await admin.reply(conversationId, 'Hi! **Welcome** to my site.');
    const replyBubble = chat.message('to my site');
    await replyBubble.waitFor();
    expect(await replyBubble.getAttribute('data-sender')).toBe('admin');
    expect(await replyBubble.locator('strong').textContent()).toBe('Welcome');
    await chat.testId('typing-indicator').waitFor({ state: 'detached' });
    // The visitor has it on screen: the owner's message becomes read.
    await waitUntil(() => admin!.messages(conversationId).find((message) => message.id === reply.id)?.status === 'read', 'the reply to be read');

    // Reload: the whole history is back, from the session kept in localStorage.
    await page.reload();
    await chat.message('to my site').waitFor();
    expect(await chat.messages.count()).toBe(2);
    expect(await chat.statusOf('Hello from the browser')).toBe('read');
    expect((await storedMessages(e2e.server, e2e.adminCookie, conversationId)).length).toBe(2);
  });
});
