import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, useProductionServer } from '../helpers/production-server';
import { useSmtpSink } from '../helpers/smtp';
import { newVisitor, switchAiRepliesOff, visitorSend } from '../chat/helpers';

const DELAY_SECONDS = 1;

/*
 * Nothing lost on the way: a mail waits in the outbox through an SMTP outage
 * and through a process killed before it was sent, and goes out exactly once;
 * a mail that cannot be sent at all ends as failed, with the SMTP error.
 */
describe('the e-mail outbox', () => {
  const smtp = useSmtpSink();
  const fixture = useProductionServer({
    admin: true,
    repository: true,
    env: () => ({
      SMTP_URL: smtp.sink.url,
      NOTIFY_AFTER_SECONDS: String(DELAY_SECONDS),
      // Four retries a second or two apart instead of minutes to hours.
      NOTIFY_RETRY_SECONDS: '1,2,2,2',
    }),
  });

  async function visitorWrites(content: string) {
    const name = `Visitor ${randomUUID().slice(0, 8)}`;
    const token = await newVisitor(fixture.server);
    const sent = await visitorSend(fixture.server, token, { content, clientMessageId: randomUUID(), visitorName: name });
    expect(sent.status).toBe(201);
    return { name, conversationId: sent.body.data.conversationId as string };
  }
  const mailsAbout = (name: string) => smtp.sink.to(ADMIN.email).filter((mail) => mail.subject?.includes(name));
  const rowsOf = async (conversationId: string) =>
    (await fixture.database.db.select().from(fixture.database.tables.notifications)).filter((row) => row.conversationId === conversationId);

  beforeAll(async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
  });

  it('keeps the mail through an SMTP outage and delivers it once when the server is back', async () => {
    await smtp.sink.stop();
    let name: string;
    let conversationId: string;
    try {
      ({ name, conversationId } = await visitorWrites('Anyone there?'));
      await expect.poll(async () => (await rowsOf(conversationId))[0]?.attempts ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      const [waiting] = await rowsOf(conversationId);
      expect(waiting).toMatchObject({ status: 'pending' });
      expect(waiting!.lastError).toMatch(/connection was refused/);
    } finally {
      await smtp.sink.start();
    }
    await expect.poll(() => mailsAbout(name).length, { timeout: 10_000 }).toBe(1);
    // This server has no PUBLIC_URL: instead of a link, the mail says where to set it.
    expect(mailsAbout(name)[0]!.text).toContain('Links to the conversation need PUBLIC_URL (e.g. PUBLIC_URL=https://example.com');
    await sleep(3_000);
    expect(mailsAbout(name)).toHaveLength(1);
    expect(await rowsOf(conversationId)).toEqual([expect.objectContaining({ status: 'sent', recipient: ADMIN.email })]);
  });

  it('marks a mail failed, with the SMTP error, once the retries are used up', async () => {
    await smtp.sink.stop();
    try {
      const { conversationId } = await visitorWrites('Hello?');
      await expect.poll(async () => (await rowsOf(conversationId))[0]?.status, { timeout: 20_000, interval: 500 }).toBe('failed');
      const [failed] = await rowsOf(conversationId);
      expect(failed!.attempts).toBe(5);
      expect(failed!.lastError).toMatch(/^Could not connect to 127\.0\.0\.1:\d+: the connection was refused/);
      // The settings page lists it with the SMTP error.
      const page = await fetch(`${fixture.server.url}/admin/chat/settings`, { headers: { cookie: fixture.adminCookie } });
      const html = await page.text();
      expect(html).toContain('data-testid="failed-notifications"');
      expect(html).toContain(failed!.lastError!.replace(/\(.*/, ''));
    } finally {
      await smtp.sink.start();
    }
  });

  it('sends a mail written before the process was killed once, after the restart', async () => {
    const { name, conversationId } = await visitorWrites('Written just before the crash');
    // SIGKILL within the delay: the row is written, nothing was sent.
    await fixture.server.stop('SIGKILL');
    expect(await rowsOf(conversationId)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
    expect(mailsAbout(name)).toHaveLength(0);
    await fixture.restart();
    await expect.poll(() => mailsAbout(name).length, { timeout: 15_000 }).toBe(1);
    await sleep(2_000);
    expect(mailsAbout(name)).toHaveLength(1);
  });

  it('finishes the mail in flight on SIGTERM, records it as sent, and does not send it again after the restart', async () => {
    smtp.sink.acceptDelayMs = 2_000;
    try {
      const { name, conversationId } = await visitorWrites('Sent while the server stops');
      const before = smtp.sink.receiving;
      await expect.poll(() => smtp.sink.receiving, { timeout: 10_000, interval: 20 }).toBe(before + 1);
      expect(mailsAbout(name)).toHaveLength(0);
      await fixture.restart();
      expect(mailsAbout(name)).toHaveLength(1);
      expect(await rowsOf(conversationId)).toEqual([expect.objectContaining({ status: 'sent' })]);
    } finally {
      smtp.sink.acceptDelayMs = 0;
    }
    await sleep(3_000);
    expect(smtp.sink.receiving).toBe(smtp.sink.mails.length);
  });
});
