import { describe, expect, it } from 'vitest';
import { useAdminDriver } from './helpers/admin-api';
import { AdminInbox } from './helpers/admin-inbox';
import { useE2e, viewports } from './helpers/fixtures';
import { byTestId, VisitorChat } from './helpers/page-objects';

/* The owner resolves in the inbox; the visitor's chat asks "How was this conversation?" at once; the owner sees the answer. */
describe('rating after a conversation', () => {
  const e2e = useE2e({ settings: { aiEnabled: false } });
  const connectOwner = useAdminDriver(e2e);

  it('asks the visitor once the owner resolves, in the visitor’s language, and shows the rating in the inbox', async () => {
    const owner = await connectOwner();
    const { page } = await e2e.newVisitorPage({ locale: 'id-ID' });
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send('Terima kasih atas jawabannya');
    const conversationId = await owner.conversationOf('Terima kasih atas jawabannya');
    await owner.reply(conversationId, 'Sama-sama!');
    await chat.message('Sama-sama').waitFor();
    expect(await chat.testId('rating-prompt').count()).toBe(0);

    const adminPage = await (await e2e.newAdminContext({ viewport: viewports.desktop })).newPage();
    const inbox = new AdminInbox(adminPage);
    await inbox.open();
    await inbox.openConversation('Sama-sama');
    await inbox.testId('resolve-conversation').click();

    const prompt = chat.testId('rating-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('Bagaimana percakapan ini?');
    await chat.testId('rating-4').click();
    expect(await chat.testId('rating-4').getAttribute('aria-checked')).toBe('true');
    await chat.testId('rating-comment').fill('Cepat dan ramah.');
    await chat.testId('rating-send').click();
    await chat.testId('rating-thanks').waitFor();
    expect(await prompt.count()).toBe(0);

    // The owner sees it at once, in the visitor details and on the conversation's row (under "Resolved").
    const rating = inbox.testId('conversation-rating');
    await rating.waitFor();
    expect(await rating.textContent()).toContain('4/5');
    expect(await rating.textContent()).toContain('Cepat dan ramah.');
    await inbox.testId('status-filter-resolved').click();
    await byTestId(inbox.rowOf(conversationId), 'rating-badge').waitFor();
    expect(await byTestId(inbox.rowOf(conversationId), 'rating-badge').getAttribute('aria-label')).toBe('Rated 4 out of 5');

    // Back later: the question is not asked again for the same resolution.
    await page.reload();
    await chat.message('Sama-sama').waitFor();
    expect(await chat.testId('rating-prompt').count()).toBe(0);
  });
});
