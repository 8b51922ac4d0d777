import { describe, expect, it } from 'vitest';
import { useE2e } from './helpers/fixtures';

describe('e2e infrastructure', () => {
  const e2e = useE2e();

  it('serves the portfolio home under the CSP with no script errors', async () => {
    const { page } = await e2e.newVisitorPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    // Chromium asks for /favicon.ico by itself; the site has none (yet), which is not a page problem.
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'nonce-");
    await page.waitForLoadState('networkidle');
    expect(problems.filter((problem) => !problem.startsWith('Failed to load resource'))).toEqual([]);
    expect(problems.filter((problem) => /^\d{3} /.test(problem))).toEqual([]);
  });

  it('gives a signed-in admin context that reaches the dashboard, and an anonymous one that is sent to sign in', async () => {
    const admin = await e2e.newAdminContext();
    const adminPage = await admin.newPage();
    await adminPage.goto('/admin');
    expect(new URL(adminPage.url()).pathname).toMatch(/^\/admin(?!\/login)/);

    const { page } = await e2e.newVisitorPage();
    await page.goto('/admin');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
  });
});
