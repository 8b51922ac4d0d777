import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from '../../helpers/build';
import { signInAsAdmin, startTestServer, type TestServer } from '../../helpers/server';
import { changeSettings } from './admin-inbox';
import { launchChromium } from './browser';

/*
 * One real production server and one Chromium per test file (a server start
 * costs seconds, a browser launch about one); each test opens its own
 * contexts, which are as isolated as separate browsers (own storage, cookies).
 */

export const ADMIN = { email: 'owner@example.com', password: 'correct horse battery staple', name: 'Owner' };

/** Chat limits off: browser tests send quickly and from one IP. */
export const e2eServerEnv = {
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  CHAT_RATE_LIMIT_PER_MINUTE: '0',
  CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
  CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
  // The browser solves the bot gate's proof of work at the production default cost, not the HTTP tests' tiny one.
  CHAT_POW_COST: '2000',
};

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
  narrow: { width: 360, height: 740 },
} as const;

export const screenshotDir = path.join(projectRoot, 'test-results', 'screenshots');

export type E2eFixture = {
  server: TestServer;
  browser: Browser;
  /** The signed-in admin's cookie header value ("tanya_admin=…"), for API calls from the test. */
  adminCookie: string;
  /** A fresh visitor context (its own localStorage) and a page in it. */
  newVisitorPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** A context carrying the admin's session cookie: pages in it are signed in. */
  newAdminContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Saves a full-page PNG as test-results/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
};

/**
 * For one test file: starts the server and the browser before its tests and
 * closes them (and every context the tests opened) afterwards. Page errors
 * (uncaught exceptions in the page) fail loudly in the test's log.
 */
export function useE2e(
  options: {
    /** Server environment; a function is called when the server starts (e.g. to point AI_BASE_URL at an in-test upstream). */
    env?: Record<string, string> | (() => Record<string, string>);
    /** Chat settings to apply before the tests (PATCH /api/chat/settings), e.g. `{ aiEnabled: false }`. */
    settings?: Record<string, unknown>;
  } = {},
): E2eFixture {
  const contexts = new Set<BrowserContext>();
  const fixture = {} as E2eFixture;

  async function track(context: BrowserContext): Promise<BrowserContext> {
    contexts.add(context);
    context.on('close', () => contexts.delete(context));
    context.on('page', (page) => page.on('pageerror', (error) => console.error(`[browser] page error: ${error.message}`)));
    return context;
  }

  beforeAll(async () => {
    const env = typeof options.env === 'function' ? options.env() : options.env;
    const [server, browser] = await Promise.all([startTestServer({ env: { ...e2eServerEnv, ...env } }), launchChromium()]);
    fixture.server = server;
    fixture.browser = browser;
    fixture.adminCookie = await signInAsAdmin(server, ADMIN);
    if (options.settings) await changeSettings(server, fixture.adminCookie, options.settings);
  });

  afterAll(async () => {
    await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)));
    await fixture.browser?.close();
    await fixture.server?.stop();
  });

  fixture.newVisitorPage = async (contextOptions = {}) => {
    const context = await track(
      await fixture.browser.newContext({ baseURL: fixture.server.url, viewport: viewports.desktop, locale: 'en-US', ...contextOptions }),
    );
    return { context, page: await context.newPage() };
  };

  fixture.newAdminContext = async (contextOptions = {}) => {
    const context = await track(
      await fixture.browser.newContext({ baseURL: fixture.server.url, viewport: viewports.desktop, locale: 'en-US', ...contextOptions }),
    );
    const [name, ...value] = fixture.adminCookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: fixture.server.url, httpOnly: true, sameSite: 'Lax' }]);
    return context;
  };

  fixture.screenshot = async (page, name) => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    return file;
  };

  return fixture;
}
