import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminDriver } from './helpers/admin-api';
import { AdminInbox } from './helpers/admin-inbox';
import { useE2e, viewports } from './helpers/fixtures';
import { byTestId, explainFailure, textIfPresent, VisitorChat, waitUntil } from './helpers/page-objects';

const AUTH_SECRET = 'devices-e2e-secret-0123456789abcdef0123456789';
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/*
 * Two browser contexts are two devices (separate storage, cookies, sockets):
 * the visitor starts on a laptop, carries the chat to a phone by the link,
 * and signs the phone out again.
 */
describe('continue on another device', () => {
  const e2e = useE2e({ env: { AUTH_SECRET }, settings: { aiEnabled: false } });
  const connectOwner = useAdminDriver(e2e);

  /** The laptop's menu → "Continue on another device": the dialog with its link. */
  async function openDevicesDialog(chat: VisitorChat): Promise<string> {
    await chat.testId('preferences-menu').locator('summary').click();
    await chat.testId('continue-on-device').click();
    const dialog = chat.testId('other-devices');
    await dialog.waitFor();
    await byTestId(dialog, 'device-link-qr').waitFor();
    return (await byTestId(dialog, 'device-link-url').inputValue())!;
  }

  async function phoneOpening(link: string): Promise<{ page: Page; chat: VisitorChat }> {
    const { page } = await e2e.newVisitorPage({ viewport: viewports.phone, userAgent: ANDROID_CHROME, isMobile: true, hasTouch: true });
    await page.goto(link);
    await page.waitForURL((url) => url.pathname === '/chat');
    const chat = new VisitorChat(page);
    await chat.waitForHydration();
    return { page, chat };
  }

  async function laptopWithConversation(text: string) {
    const { page } = await e2e.newVisitorPage({ viewport: viewports.desktop });
    const chat = new VisitorChat(page);
    await chat.openPage();
    await chat.send(text);
    await expect.poll(() => chat.statusOf(text)).toBe('sent');
    return { page, chat };
  }

  it('opens the conversation on a second device by link or QR code: both see the whole history and every new message live; the link works once', async () => {
    const owner = await connectOwner();
    const laptop = await laptopWithConversation('Hello from my laptop');
    const conversationId = await owner.conversationOf('Hello from my laptop');
    await owner.open(conversationId);
    await owner.reply(conversationId, 'Hi! How can I help?');
    await laptop.chat.message('How can I help').waitFor();

    const link = await openDevicesDialog(laptop.chat);
    expect(link.startsWith(`${e2e.server.url}/chat/continue#`)).toBe(true);
    const dialog = laptop.chat.testId('other-devices');
    expect(await byTestId(dialog, 'device-link-expiry').textContent()).toMatch(/Expires in 1[45] minutes/);
    expect(await byTestId(dialog, 'device').count()).toBe(1);
    expect(await byTestId(dialog, 'device').first().textContent()).toContain('This browser');
    // The QR code is an image the phone's camera reads: a real, non-empty SVG.
    const qrSize = await byTestId(dialog, 'device-link-qr').evaluate((image) => (image as HTMLImageElement).naturalWidth);
    expect(qrSize).toBeGreaterThan(0);

    const phone = await phoneOpening(link);
    // The whole history, and the address bar no longer carries the link.
    await phone.chat.message('Hello from my laptop').waitFor();
    await phone.chat.message('How can I help').waitFor();
    expect(new URL(phone.page.url()).hash).toBe('');

    // The laptop's list follows: the phone, by its browser.
    await waitUntil(async () => (await byTestId(dialog, 'device').count()) === 2, 'the phone to appear in the laptop’s device list');
    expect(await byTestId(dialog, 'device').filter({ hasText: 'Chrome 131 on Android' }).count()).toBe(1);
    await e2e.screenshot(laptop.page, 'devices-dialog');
    await byTestId(dialog, 'other-devices-done').click();

    // Live both ways, on both devices at once.
    await phone.chat.send('Now from my phone');
    await laptop.chat.message('Now from my phone').waitFor();
    await owner.reply(conversationId, 'I see both of you');
    await phone.chat.message('I see both of you').waitFor();
    await laptop.chat.message('I see both of you').waitFor();
    owner.typing(conversationId, true);
    await phone.chat.testId('typing-indicator').waitFor();
    await laptop.chat.testId('typing-indicator').waitFor();
    owner.typing(conversationId, false);
    // Read on one device is read on the conversation: the owner's reply turns read.
    await waitUntil(() => owner.messages(conversationId).some((message) => message.content === 'I see both of you' && message.status === 'read') || null, 'the reply to be read');

    // The owner sees both devices in the visitor's details.
    const adminPage = await (await e2e.newAdminContext({ viewport: viewports.desktop })).newPage();
    const inbox = new AdminInbox(adminPage);
    await inbox.open();
    await inbox.openConversation('I see both of you');
    await waitUntil(async () => (await inbox.testId('visitor-device').count()) === 2, 'both devices in the visitor details');
    expect(await inbox.testId('visitor-devices').textContent()).toContain('Chrome 131 on Android');

    // The same link a second time: a clear page, and no way in.
    const { page: third } = await e2e.newVisitorPage();
    await third.goto(link);
    const refused = byTestId(third, 'device-link-refused');
    await refused.waitFor();
    expect(await refused.getAttribute('data-refusal')).toBe('used');
    expect(await refused.textContent()).toContain('This link was already used');
    await e2e.screenshot(third, 'device-link-used');
  });

  it('refuses a link older than 15 minutes with a clear page, in the visitor’s language', async () => {
    const owner = await connectOwner();
    await laptopWithConversation('A conversation to carry over');
    const conversationId = await owner.conversationOf('A conversation to carry over');
    const issuedAt = Math.floor(Date.now() / 1000) - 16 * 60;
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(conversationId)
      .setIssuer('tanya')
      .setAudience('tanya:device')
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 15 * 60)
      .sign(new TextEncoder().encode(AUTH_SECRET));

    const { page } = await e2e.newVisitorPage({ locale: 'id-ID' });
    await page.goto(`/chat/continue#${expired}`);
    const refused = byTestId(page, 'device-link-refused');
    await refused.waitFor();
    expect(await refused.getAttribute('data-refusal')).toBe('expired');
    expect(await refused.textContent()).toContain('Tautan ini sudah kedaluwarsa');
    // Nothing of the conversation reached this browser.
    await page.getByRole('link', { name: 'Buka chat' }).click();
    const chat = new VisitorChat(page);
    await chat.waitForHydration();
    await chat.testId('welcome-message').waitFor();
    expect(await chat.messages.count()).toBe(0);
  });

  it('signs the phone out from the laptop: its live connection ends at once and the conversation is gone from it', async () => {
    const owner = await connectOwner();
    const laptop = await laptopWithConversation('Sign my phone out later');
    const conversationId = await owner.conversationOf('Sign my phone out later');
    const phone = await phoneOpening(await openDevicesDialog(laptop.chat));
    await phone.chat.message('Sign my phone out later').waitFor();

    const dialog = laptop.chat.testId('other-devices');
    await waitUntil(async () => (await byTestId(dialog, 'sign-out-device').count()) === 1, 'the phone to be listed with a sign-out button');
    await byTestId(dialog, 'sign-out-device').click();
    await waitUntil(async () => (await byTestId(dialog, 'device').count()) === 1, 'the phone to leave the list');

    // At once: the phone's socket was closed by the server, so it knows without waiting for any poll.
    // On failure, say whether the phone still held its old session (never told) or renewed without saying so.
    await explainFailure(phone.chat.testId('signed-out-notice').waitFor({ timeout: 5_000 }), async () => {
      const stored = await phone.page.evaluate(() => {
        const session = JSON.parse(window.localStorage.getItem('tanya.chat.session') ?? 'null') as { token?: string; conversationId?: string } | null;
        return JSON.stringify({ token: session?.token?.slice(0, 8), conversationId: session?.conversationId });
      });
      return `phone: stored session ${stored}; connection: ${await textIfPresent(phone.chat.testId('connection-banner'), 'no banner')}`;
    });
    await waitUntil(async () => (await phone.chat.messages.count()) === 0, 'the conversation to be gone from the phone');
    await owner.reply(conversationId, 'Only the laptop should see this');
    await laptop.chat.message('Only the laptop should see this').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await phone.chat.messages.filter({ hasText: 'Only the laptop' }).count()).toBe(0);
  });
});
