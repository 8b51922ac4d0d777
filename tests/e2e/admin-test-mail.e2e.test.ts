import { describe, expect, it } from 'vitest';
import { useSmtpSink } from '../helpers/smtp';
import { ADMIN, useE2e } from './helpers/fixtures';
import { byTestId, waitUntil } from './helpers/page-objects';

/* The settings page's "send a test e-mail": what the SMTP server answered, then what went wrong once it is gone. */
describe('test e-mail on the chat settings page', () => {
  const smtp = useSmtpSink();
  const e2e = useE2e({ env: () => ({ SMTP_URL: smtp.sink.url }) });

  it('shows the SMTP server answer, then the error in words when the server is gone', async () => {
    const context = await e2e.newAdminContext();
    const page = await context.newPage();
    await page.goto('/admin/chat/settings');
    expect(await byTestId(page, 'mail-off').count()).toBe(0);

    await byTestId(page, 'send-test-mail').click();
    const sent = byTestId(page, 'test-mail-sent');
    await sent.waitFor();
    expect(await sent.textContent()).toMatch(new RegExp(`^Sent to ${ADMIN.email.replace('.', '\\.')}\\. The SMTP server answered: 250 `));
    await smtp.sink.waitForMails(1);
    expect(smtp.sink.to(ADMIN.email).map((mail) => mail.subject)).toEqual(['Tanya: test e-mail']);

    await smtp.sink.stop();
    await byTestId(page, 'send-test-mail').click();
    const failed = byTestId(page, 'test-mail-failed');
    await failed.waitFor();
    await waitUntil(async () => (await failed.textContent())?.includes('the connection was refused'), 'the SMTP error');
    expect(await failed.textContent()).toMatch(/^Not sent\. Could not connect to 127\.0\.0\.1:\d+: the connection was refused/);
    expect(await byTestId(page, 'test-mail-sent').count()).toBe(0);
    await byTestId(page, 'notification-mail').scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'admin-test-mail-error-1280x800');
  });
});
