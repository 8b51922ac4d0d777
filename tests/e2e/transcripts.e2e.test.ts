import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useAdminDriver } from './helpers/admin-api';
import { AdminInbox } from './helpers/admin-inbox';
import { useE2e, viewports } from './helpers/fixtures';
import { VisitorChat } from './helpers/page-objects';

/* Downloading a conversation as the visitor (from the chat's menu) and as the owner (from the inbox), in a real browser. */
describe('transcripts', () => {
  const e2e = useE2e({ settings: { aiEnabled: false } });
  const connectOwner = useAdminDriver(e2e);

  it('the visitor downloads its conversation from the chat menu, the owner any conversation from the inbox', async () => {
    const owner = await connectOwner();
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send('Boleh minta salinan percakapan ini?');
    const conversationId = await owner.conversationOf('Boleh minta salinan');
    await owner.reply(conversationId, 'Tentu, silakan unduh dari menu.');
    await chat.message('silakan unduh').waitFor();

    await chat.testId('preferences-menu').locator('summary').click();
    const [markdown] = await Promise.all([page.waitForEvent('download'), chat.testId('download-md').click()]);
    expect(markdown.suggestedFilename()).toMatch(/^conversation-[a-z0-9]{8}-\d{4}-\d{2}-\d{2}\.md$/);
    const text = fs.readFileSync((await markdown.path())!, 'utf8');
    expect(text).toContain('Boleh minta salinan percakapan ini?');
    expect(text).toContain('Tentu, silakan unduh dari menu.');

    const [pdf] = await Promise.all([page.waitForEvent('download'), chat.testId('download-pdf').click()]);
    expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

    const adminPage = await (await e2e.newAdminContext({ viewport: viewports.desktop })).newPage();
    const inbox = new AdminInbox(adminPage);
    await inbox.open();
    await inbox.openConversation('silakan unduh');
    await inbox.testId('transcript-menu').locator('summary').click();
    const [json] = await Promise.all([adminPage.waitForEvent('download'), inbox.testId('admin-download-json').click()]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as { conversation: { id: string }; messages: { content: string }[] };
    expect(exported.conversation.id).toBe(conversationId);
    expect(exported.messages.map((message) => message.content)).toEqual(['Boleh minta salinan percakapan ini?', 'Tentu, silakan unduh dari menu.']);
  });
});
