import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useAdminDriver } from './helpers/admin-api';
import { AdminInbox } from './helpers/admin-inbox';
import { useE2e, viewports } from './helpers/fixtures';
import { byTestId, VisitorChat, waitUntil } from './helpers/page-objects';

/* Images both ways in a real browser: the button, a paste, thumbnails on both sides, full size on a click. */
describe('images in the chat', () => {
  const e2e = useE2e({ settings: { aiEnabled: false } });
  const connectOwner = useAdminDriver(e2e);

  it('the visitor attaches an image with the button and the owner pastes one; both see thumbnails that open full size', async () => {
    const owner = await connectOwner();
    const { page } = await e2e.newVisitorPage();
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send('I have a screenshot of the bug');
    const conversationId = await owner.conversationOf('screenshot of the bug');
    await owner.open(conversationId);

    const screenshot = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#f59e0b' } }).png().toBuffer();
    await chat.testId('attach-input').setInputFiles({ name: 'bug.png', mimeType: 'image/png', buffer: screenshot });
    const thumbnail = byTestId(chat.message('').filter({ has: page.getByTestId('message-image') }), 'message-image').last();
    await waitUntil(async () => (await thumbnail.locator('img').count()) === 1, 'the visitor’s image to show');
    expect(await thumbnail.locator('img').evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(1200);
    await waitUntil(() => owner.messages(conversationId).some((message) => message.metadata?.image) || null, 'the image message to reach the owner');

    // The owner's inbox shows it, says "[image]" in the list, and opens it full size.
    const adminPage = await (await e2e.newAdminContext({ viewport: viewports.desktop })).newPage();
    const inbox = new AdminInbox(adminPage);
    await inbox.open();
    // Its row previews the image as "[image]", the latest message.
    await inbox.rowOf(conversationId).click();
    await inbox.panel.waitFor();
    const ownersThumbnail = byTestId(inbox.panel, 'message-image').first();
    await ownersThumbnail.locator('img').waitFor();
    expect(await inbox.rowOf(conversationId).textContent()).toContain('[image]');
    await ownersThumbnail.click();
    await inbox.testId('image-viewer').waitFor();
    await inbox.testId('close-image').click();
    await inbox.testId('image-viewer').waitFor({ state: 'detached' });

    // The owner pastes an image into the reply box: it goes at once, and the visitor sees it.
    const reply = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#4f46e5' } }).jpeg().toBuffer();
    await inbox.input.click();
    await adminPage.evaluate(async (bytes) => {
      const file = new File([new Uint8Array(bytes)], 'fix.jpg', { type: 'image/jpeg' });
      const data = new DataTransfer();
      data.items.add(file);
      document.querySelector('[data-testid="conversation-panel"] [data-testid="composer-input"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [...reply]);
    await waitUntil(async () => (await byTestId(chat.panel, 'message-image').count()) === 2, 'the owner’s image to reach the visitor');
    await waitUntil(async () => (await byTestId(chat.panel, 'message-image').last().locator('img').count()) === 1, 'the owner’s image to load for the visitor');

    // Dragged over the conversation, a hint says where it goes; dropped on the messages, not only the box, it is sent.
    const dropped = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#10b981' } }).webp().toBuffer();
    await page.evaluate(async (bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'drop.webp', { type: 'image/webp' }));
      (window as unknown as { droppedImage: DataTransfer }).droppedImage = data;
      const target = document.querySelector('[data-testid="chat-panel"] [data-testid="message-list"]')!;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [...dropped]);
    await byTestId(chat.panel, 'image-drop-hint').waitFor();
    await page.evaluate(() => {
      const data = (window as unknown as { droppedImage: DataTransfer }).droppedImage;
      document.querySelector('[data-testid="chat-panel"] [data-testid="message-list"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await byTestId(chat.panel, 'image-drop-hint').waitFor({ state: 'detached' });
    await waitUntil(async () => (await byTestId(chat.panel, 'message-image').count()) === 3, 'the dropped image to be sent');

    // Anything that is not an image is refused with a clear message.
    await chat.testId('attach-input').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') });
    await chat.testId('image-error').waitFor();
    expect(await chat.testId('image-error').textContent()).toBe('Only PNG, JPEG, WebP and GIF images can be sent.');
    await e2e.screenshot(page, 'visitor-images');
  });
});
