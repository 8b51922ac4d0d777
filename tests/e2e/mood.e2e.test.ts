import { describe, expect, it } from 'vitest';
import { AdminInbox, conversationWith, untilOwnerOnline } from './helpers/admin-inbox';
import { useE2e } from './helpers/fixtures';
import { byTestId, VisitorChat, waitUntil } from './helpers/page-objects';

/*
 * Upset visitors first, as the owner sees it: an upset visitor's
 * conversation tops the inbox with its badge above a newer, calmer one, the
 * visitor gets the assistant's hand-over notice, and the owner clears the
 * mark from the conversation panel. The built-in assistant is on.
 */
describe('upset visitors first in the admin inbox', () => {
  const e2e = useE2e({ settings: { aiEnabled: true, aiProvider: 'local' } });

  async function openVisitor() {
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    return chat;
  }

  it('lists the upset conversation first with its badge, hands it to the owner, and the owner clears the mark', async () => {
    const inbox = new AdminInbox(await (await e2e.newAdminContext()).newPage());
    await inbox.open();
    await untilOwnerOnline(e2e.server);

    const upset = await openVisitor();
    await upset.send('This is unacceptable, nobody answered my emails for two weeks!');
    await upset.message("I'm sorry about this.").waitFor();
    expect(await upset.message("I'm sorry about this.").getAttribute('data-sender')).toBe('ai');

    const calm = await openVisitor();
    await calm.send('What tech stack do you use?');
    await calm.page.locator('[data-testid="message"][data-sender="ai"]').first().waitFor();
    // Both rows preview the assistant's messages by now: found by their conversations' ids.
    const upsetId = await conversationWith(e2e.server, e2e.adminCookie, 'unacceptable');
    const calmId = await conversationWith(e2e.server, e2e.adminCookie, 'What tech stack');
    const upsetRow = inbox.rowOf(upsetId);
    await inbox.rowOf(calmId).waitFor();
    const topId = () => inbox.items.first().getAttribute('data-conversation-id');

    // The calmer conversation is newer, and still the upset one comes first, saying why.
    await waitUntil(async () => (await topId()) === upsetId, 'the upset conversation on top');
    const badge = byTestId(upsetRow, 'mood-badge');
    expect(await badge.getAttribute('data-mood')).toBe('upset');
    // Seen as "Upset", read out as a sentence.
    expect(await badge.locator('[aria-hidden="true"]').innerText()).toBe('Upset');
    expect(await badge.ariaSnapshot()).toContain('The visitor seems upset');
    expect(await badge.ariaSnapshot()).not.toContain('Upset');
    await byTestId(upsetRow, 'needs-human-badge').waitFor();

    await upsetRow.click();
    await inbox.panel.waitFor();
    await byTestId(inbox.panel, 'mood-badge').waitFor();
    await byTestId(inbox.panel, 'clear-mood').click();
    await byTestId(inbox.panel, 'mood-badge').waitFor({ state: 'detached' });
    await byTestId(inbox.panel, 'clear-mood').waitFor({ state: 'detached' });
    await badge.waitFor({ state: 'detached' });
    // Back in its place by its last message: below the newer conversation.
    await waitUntil(async () => (await topId()) === calmId, 'the cleared conversation to leave the top');
  });
});
