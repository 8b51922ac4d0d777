import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/server';
import { useAdminDriver } from './helpers/admin-api';
import { changeSettings } from './helpers/admin-inbox';
import { useE2e } from './helpers/fixtures';
import { snippetPage, startHostSite, type HostSite } from './helpers/host-site';
import { byTestId, waitUntil } from './helpers/page-objects';

/*
 * The chat on someone else's site by its one script tag: the host pages are
 * served on other loopback ports (other origins), Tanya's server on its own.
 */

const tanyaFrame = (page: Page): FrameLocator => page.frameLocator('[data-testid="tanya-frame"]');
const launcherOf = (page: Page) => byTestId(page, 'tanya-launcher');

async function sendFromFrame(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.locator('[data-testid="composer-input"]');
  await input.waitFor();
  await waitUntil(() => input.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactProps$'))), 'the chat to hydrate');
  await input.click();
  await input.pressSequentially(text, { delay: 5 });
  await input.press('Enter');
}

describe('the chat embedded on another site', () => {
  const e2e = useE2e({ settings: { aiEnabled: false } });
  const connectOwner = useAdminDriver(e2e);
  let blog: HostSite;
  let stranger: HostSite;
  let hostile: HostSite;

  beforeAll(async () => {
    const tanya = () => e2e.server.url;
    // A third origin that frames itself into the blog's page and forges the protocol's messages both ways.
    hostile = await startHostSite({
      '/forge': `<!doctype html><script>
        const forged = (message) => Object.assign({ channel: 'tanya-embed', version: 1 }, message);
        function forge() {
          parent.postMessage(forged({ type: 'unread', count: 42 }), '*');
          parent.postMessage(forged({ type: 'close' }), '*');
          for (let i = 0; i < parent.length; i++) {
            parent[i].postMessage(forged({ type: 'visitor', name: 'Forged Name', email: 'forged@evil.example' }), '*');
            parent[i].postMessage(forged({ type: 'close' }), '*');
          }
          document.title = 'forged';
        }
        addEventListener('message', (event) => { if (event.data === 'forge') forge(); });
      </script>`,
    });
    blog = await startHostSite({
      '/': () => snippetPage(tanya(), 'data-color="#0f766e" data-position="left"'),
      '/with-stranger': () => snippetPage(tanya()).replace('<h1>', `<iframe id="stranger" src="${hostile.url('/forge')}" style="display:block!important"></iframe><h1>`),
      '/profile': () =>
        snippetPage(tanya()).replace(
          '</body>',
          `<script>addEventListener('tanya:ready', () => Tanya.setVisitor({ name: 'Dewi from the blog', email: 'dewi@blog.example' }));</script></body>`,
        ),
    });
    stranger = await startHostSite({ '/': () => snippetPage(tanya()) });
    await changeSettings(e2e.server, e2e.adminCookie, { embedOrigins: [blog.origin] });
  });

  afterAll(async () => {
    await Promise.all([blog?.close(), stranger?.close(), hostile?.close()]);
  });

  it('shows the launcher from one script tag, loads nothing more until it is pressed, and carries messages both ways', async () => {
    const admin = await connectOwner();
    const { context, page } = await e2e.newVisitorPage();
    const tanyaRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(e2e.server.url)) tanyaRequests.push(new URL(request.url()).pathname);
    });
    await page.goto(blog.url('/'));
    const launcher = launcherOf(page);
    await launcher.waitFor();
    await page.waitForLoadState('networkidle');
    expect(tanyaRequests).toEqual(['/embed.js']);
    // The host page's own CSS (red buttons, hidden iframes) reaches neither the launcher nor, later, the chat.
    expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(15, 118, 110)');
    expect(await launcher.evaluate((element) => getComputedStyle(element).left)).toBe('20px');
    expect(await launcher.getAttribute('aria-label')).toBe('Open chat');

    await launcher.click();
    const frame = tanyaFrame(page);
    await sendFromFrame(frame, 'Hello from the blog');
    expect(await byTestId(page, 'tanya-frame').isVisible()).toBe(true);
    const conversationId = await admin.conversationOf('Hello from the blog');
    await admin.open(conversationId);
    await admin.reply(conversationId, 'Hi, blog reader');
    await frame.locator('[data-testid="message"]', { hasText: 'Hi, blog reader' }).waitFor();

    // The host page never holds the session: no cookie anywhere, nothing of Tanya's in its storage but a flag.
    expect(await context.cookies()).toEqual([]);
    const hostStorage = await page.evaluate(() => Object.entries(localStorage));
    expect(hostStorage).toEqual([['tanya.embed.returning', '1']]);
    // The inbox says which page of which site the visitor was on.
    const details = await api(e2e.server, `/api/chat/conversations/${conversationId}`, { cookie: e2e.adminCookie });
    expect(details.body.data.visitor.pageUrl).toBe(`${blog.origin}/`);

    // Closed from the chat's own ✕: the badge on the host page counts the next reply, and Tanya.on('unread') hears it.
    await frame.locator('[data-testid="close-chat"]').click();
    await byTestId(page, 'tanya-frame').waitFor({ state: 'hidden' });
    await page.evaluate(() => {
      const counts: number[] = [];
      (window as unknown as { unreadCounts: number[] }).unreadCounts = counts;
      (window as unknown as { Tanya: { on: (event: string, listener: (count: number) => void) => void } }).Tanya.on('unread', (count) => counts.push(count));
    });
    await admin.reply(conversationId, 'One more thing');
    await byTestId(page, 'tanya-unread-badge').waitFor();
    expect(await byTestId(page, 'tanya-unread-badge').textContent()).toBe('1');
    expect(await launcher.getAttribute('aria-label')).toBe('Open chat (1 unread message)');
    expect(await page.evaluate(() => (window as unknown as { unreadCounts: number[] }).unreadCounts)).toEqual([1]);

    // A later page of the same site: a returning visitor's chat connects at once for the badge, and Tanya.open() shows it.
    await page.goto(blog.url('/'));
    await byTestId(page, 'tanya-unread-badge').waitFor();
    await page.evaluate(() => (window as unknown as { Tanya: { open: () => void } }).Tanya.open());
    await frame.locator('[data-testid="message"]', { hasText: 'One more thing' }).waitFor();
    await byTestId(page, 'tanya-unread-badge').waitFor({ state: 'hidden' });
    await waitUntil(() => admin.messages(conversationId).at(-1)?.status === 'read', 'the reply to be read');
  });

  it('stores what the host page passes to Tanya.setVisitor as the optional profile', async () => {
    const admin = await connectOwner();
    const { page } = await e2e.newVisitorPage();
    await page.goto(blog.url('/profile'));
    await launcherOf(page).click();
    await sendFromFrame(tanyaFrame(page), 'Profile from the host page');
    const conversationId = await admin.conversationOf('Profile from the host page');
    const details = await api(e2e.server, `/api/chat/conversations/${conversationId}`, { cookie: e2e.adminCookie });
    expect(details.body.data).toMatchObject({ visitorName: 'Dewi from the blog', visitorEmail: 'dewi@blog.example' });
  });

  it('shows a site that is not on the allow-list a notice, and nothing of the chat', async () => {
    const { page } = await e2e.newVisitorPage();
    const sessionRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/chat/') || request.url().includes('/socket.io/')) sessionRequests.push(request.url());
    });
    await page.goto(stranger.url('/'));
    await launcherOf(page).click();
    const frame = tanyaFrame(page);
    await frame.locator('[data-testid="embed-refused"]').waitFor();
    expect(await frame.locator('[data-testid="chat-panel"]').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(sessionRequests).toEqual([]);
  });

  it('is not shown by a hostile page that frames the chat itself, claiming to be an allowed site, and posts to it', async () => {
    const { page } = await e2e.newVisitorPage();
    const chatRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(e2e.server.url)) chatRequests.push(new URL(request.url()).pathname);
    });
    const claimed = `${e2e.server.url}/embed/chat?host=${encodeURIComponent(blog.origin)}&page=${encodeURIComponent(blog.url('/'))}`;
    const impostor = await startHostSite({
      '/': `<!doctype html><iframe id="chat" src="${claimed}" referrerpolicy="no-referrer"></iframe><script>
        const forged = (message) => Object.assign({ channel: 'tanya-embed', version: 1 }, message);
        document.getElementById('chat').addEventListener('load', () => {
          const chat = document.getElementById('chat').contentWindow;
          chat.postMessage(forged({ type: 'open' }), '*');
          chat.postMessage(forged({ type: 'visitor', name: 'Impostor', email: 'impostor@evil.example' }), '*');
          document.title = 'posted';
        });
      </script>`,
    });
    try {
      await page.goto(impostor.url('/'));
      await waitUntil(async () => (await page.title()) === 'posted', 'the impostor to post to the frame');
      await page.waitForLoadState('networkidle');
      // The browser enforces the allow-list's frame-ancestors: the chat page arrives, and nothing of it runs.
      expect(await page.frameLocator('#chat').locator('[data-testid="composer-input"]').count()).toBe(0);
      expect(chatRequests).toEqual(['/embed/chat']);
    } finally {
      await impostor.close();
    }
  });

  it('ignores forged messages from another frame on the page and from the page pretending to be the chat', async () => {
    const admin = await connectOwner();
    const { page } = await e2e.newVisitorPage();
    await page.goto(blog.url('/with-stranger'));
    await launcherOf(page).click();
    const frame = tanyaFrame(page);
    await frame.locator('[data-testid="composer-input"]').waitFor();

    // The stranger's frame posts "unread 42", "close" and a visitor profile to the page and to every frame it can reach…
    const stranger = page.frameLocator('#stranger');
    await stranger.locator('script').first().waitFor({ state: 'attached' });
    await page.evaluate(() => (document.getElementById('stranger') as HTMLIFrameElement).contentWindow!.postMessage('forge', '*'));
    await waitUntil(async () => (await page.frames().find((candidate) => candidate.url().includes('/forge'))?.title()) === 'forged', 'the forgeries to be posted');
    // …and the page itself posts a message in the chat's format to its own window.
    await page.evaluate(() => window.postMessage({ channel: 'tanya-embed', version: 1, type: 'unread', count: 7 }, '*'));

    await sendFromFrame(frame, 'Still here after the forgeries');
    expect(await byTestId(page, 'tanya-frame').isVisible()).toBe(true);
    expect(await byTestId(page, 'tanya-unread-badge').isVisible()).toBe(false);
    const conversationId = await admin.conversationOf('Still here after the forgeries');
    const details = await api(e2e.server, `/api/chat/conversations/${conversationId}`, { cookie: e2e.adminCookie });
    expect(details.body.data.visitorName).toBeNull();
    expect(details.body.data.visitorEmail).toBeNull();
  });
});
