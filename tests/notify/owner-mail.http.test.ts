import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/server';
import { ADMIN, useProductionServer } from '../helpers/production-server';
import { useSmtpSink } from '../helpers/smtp';
import { newVisitor, switchAiRepliesOff, visitorSend } from '../chat/helpers';

const DELAY_SECONDS = 2;
const PUBLIC_URL = 'http://tanya.test';

/*
 * The owner's mail, against a real SMTP server on loopback: after the delay
 * when nobody read the visitor's message, not at all when an admin did, one
 * for a burst, and at once for the assistant's hand-over.
 */
describe('e-mail to the owner', () => {
  const smtp = useSmtpSink();
  const fixture = useProductionServer({
    admin: true,
    repository: true,
    env: () => ({
      SMTP_URL: smtp.sink.url,
      PUBLIC_URL,
      NOTIFY_AFTER_SECONDS: String(DELAY_SECONDS),
      MAIL_FROM: 'Tanya <chat@tanya.test>',
      CHAT_RATE_LIMIT_PER_MINUTE: '0',
      CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    }),
  });

  const settings = async (patch: Record<string, unknown>) => {
    const response = await api(fixture.server, '/api/chat/settings', { method: 'PATCH', body: patch, cookie: fixture.adminCookie });
    expect(response.status).toBe(200);
  };

  /** A visitor with a name of its own, so each test finds its mails by subject. */
  async function visitorWrites(content: string, profile: { visitorName?: string; visitorEmail?: string } = {}) {
    const name = profile.visitorName ?? `Visitor ${randomUUID().slice(0, 8)}`;
    const token = await newVisitor(fixture.server, { pageUrl: `${fixture.server.url}/projects?from=mail-test` });
    const sent = await visitorSend(fixture.server, token, { content, clientMessageId: randomUUID(), ...profile, visitorName: name });
    expect(sent.status).toBe(201);
    return { token, name, conversationId: sent.body.data.conversationId as string, messageId: sent.body.data.id as number };
  }
  const mailsAbout = (name: string) => smtp.sink.to(ADMIN.email).filter((mail) => mail.subject?.includes(name));

  beforeAll(async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
  });

  it('mails the owner once when a visitor message stays unread past the delay: who, what (escaped), and a link to the conversation', async () => {
    const { name, conversationId } = await visitorWrites('<b>Hello</b> & <script>alert(1)</script>', { visitorEmail: 'ana@example.com' });
    await sleep(DELAY_SECONDS * 500);
    expect(mailsAbout(name)).toHaveLength(0);

    await expect.poll(() => mailsAbout(name).length, { timeout: 10_000 }).toBe(1);
    const [mail] = mailsAbout(name);
    expect(mail!.from?.value).toEqual([{ name: 'Tanya', address: 'chat@tanya.test' }]);
    expect(mail!.subject).toBe(`New chat message from ${name}`);
    expect(mail!.text).toContain('<b>Hello</b> & <script>alert(1)</script>');
    expect(mail!.text).toContain(`Name: ${name}`);
    expect(mail!.text).toContain('E-mail: ana@example.com');
    expect(mail!.text).toContain('Page: /projects?from=mail-test');
    expect(mail!.text).toContain('Language: English');
    expect(mail!.text).toContain('The assistant did not answer.');
    expect(mail!.text).toContain(`${PUBLIC_URL}/admin/chat?c=${conversationId}`);
    expect(mail!.html).toContain('&lt;b&gt;Hello&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain(`href="${PUBLIC_URL}/admin/chat?c=${conversationId}"`);

    await sleep(DELAY_SECONDS * 1000);
    expect(mailsAbout(name)).toHaveLength(1);
  });

  it('mails a conversation assigned to another admin to that admin, not to the owner', async () => {
    const helperEmail = `helper-${randomUUID().slice(0, 8)}@example.com`;
    const { id: helperId } = await fixture.repository.upsertUserByEmail({ name: 'Helper', email: helperEmail, passwordHash: 'not-used-to-sign-in' });
    const { name, conversationId } = await visitorWrites('Is the helper around?');
    const assigned = await api(fixture.server, `/api/chat/conversations/${conversationId}`, { method: 'PATCH', body: { assignedAdminId: helperId }, cookie: fixture.adminCookie });
    expect(assigned.status).toBe(200);
    await expect.poll(() => smtp.sink.to(helperEmail).length, { timeout: 10_000 }).toBe(1);
    expect(smtp.sink.to(helperEmail)[0]!.subject).toBe(`New chat message from ${name}`);
    expect(mailsAbout(name)).toHaveLength(0);
  });

  it('sends nothing when an admin read the message within the delay', async () => {
    const { name, conversationId, messageId } = await visitorWrites('Are you available for a project?');
    const read = await api(fixture.server, '/api/chat/read', { body: { conversationId, upToMessageId: messageId }, cookie: fixture.adminCookie });
    expect(read.status).toBe(200);
    await sleep(DELAY_SECONDS * 1000 + 3_000);
    expect(mailsAbout(name)).toHaveLength(0);
    const rows = await fixture.database.db.select().from(fixture.database.tables.notifications);
    expect(rows.find((row) => row.conversationId === conversationId)).toMatchObject({ status: 'skipped', lastError: 'an admin read the messages in time' });
  });

  it('turns a burst of 30 messages into one mail, and what follows within the digest window into one follow-up, not more', async () => {
    const { token, name, conversationId } = await visitorWrites('message 1');
    for (let index = 2; index <= 30; index += 1) {
      const sent = await visitorSend(fixture.server, token, { content: `message ${index}`, clientMessageId: randomUUID(), visitorName: name });
      expect(sent.status).toBe(201);
    }
    await expect.poll(() => mailsAbout(name).length, { timeout: 10_000 }).toBe(1);
    const [mail] = mailsAbout(name);
    for (let index = 1; index <= 30; index += 1) expect(mail!.text).toContain(`: message ${index}\n`);

    for (let index = 31; index <= 35; index += 1) {
      await visitorSend(fixture.server, token, { content: `message ${index}`, clientMessageId: randomUUID(), visitorName: name });
    }
    await sleep(DELAY_SECONDS * 1000 + 3_000);
    expect(mailsAbout(name)).toHaveLength(1);
    // The follow-up waits for the end of the digest window (NOTIFY_DIGEST_MINUTES, 15 by default) after the first mail.
    const rows = await fixture.database.db.select().from(fixture.database.tables.notifications);
    const mine = rows.filter((row) => row.conversationId === conversationId);
    const sent = mine.find((row) => row.status === 'sent')!;
    const followUp = mine.find((row) => row.status === 'pending')!;
    expect(mine).toHaveLength(2);
    expect(followUp.dueAt.getTime() - sent.sentAt!.getTime()).toBeGreaterThanOrEqual(15 * 60_000 - 1_000);
  });

  it('mails a hand-over at once, with the reason, even with a long delay', async () => {
    await settings({ aiEnabled: true, notifyAfterSeconds: 600 });
    try {
      const { name } = await visitorWrites('Can I talk to a human please?');
      await expect.poll(() => mailsAbout(name).length, { timeout: 15_000 }).toBe(1);
      const [mail] = mailsAbout(name);
      expect(mail!.subject).toBe(`${name} needs you: the assistant handed the chat over`);
      expect(mail!.text).toContain('The assistant handed the conversation over to you: the visitor asked for a person.');
      expect(mail!.text).toContain('Can I talk to a human please?');
    } finally {
      await settings({ aiEnabled: false, notifyAfterSeconds: null });
    }
  });

  it('mails only hand-overs when the owner asks for that', async () => {
    await settings({ notifyOnlyHandovers: true });
    try {
      const { name } = await visitorWrites('Just saying hi');
      await sleep(DELAY_SECONDS * 1000 + 3_000);
      expect(mailsAbout(name)).toHaveLength(0);
    } finally {
      await settings({ notifyOnlyHandovers: false });
    }
  });

  it('sends a test mail from the settings and reports the SMTP server answer', async () => {
    const response = await api(fixture.server, '/api/chat/settings/test-mail', { body: {}, cookie: fixture.adminCookie });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ sent: true, to: ADMIN.email });
    expect(response.body.data.response).toMatch(/^250/);
    await expect.poll(() => smtp.sink.to(ADMIN.email).some((mail) => mail.subject === 'Tanya: test e-mail'), { timeout: 5_000 }).toBe(true);
    const anonymous = await api(fixture.server, '/api/chat/settings/test-mail', { body: {} });
    expect(anonymous.status).toBe(401);
  });
});

/* Past NOTIFY_MAX_PER_HOUR the owner gets no more mails one by one, but one summary of what was held back. */
describe('the hourly limit on owner mails', () => {
  const smtp = useSmtpSink();
  const fixture = useProductionServer({
    admin: true,
    repository: true,
    env: () => ({ SMTP_URL: smtp.sink.url, NOTIFY_AFTER_SECONDS: '1', NOTIFY_MAX_PER_HOUR: '2', CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: '0' }),
  });

  it('sends two mails, holds the third back, and counts it in one summary when the hour is up', async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
    for (let index = 0; index < 3; index += 1) {
      const token = await newVisitor(fixture.server);
      const sent = await visitorSend(fixture.server, token, { content: `Question ${index}`, clientMessageId: randomUUID(), visitorName: `Limited ${index}` });
      expect(sent.status).toBe(201);
      // One after the other, so which of them is held back is the last.
      await expect.poll(async () => (await fixture.database.db.select().from(fixture.database.tables.notifications)).filter((row) => row.status !== 'pending').length, { timeout: 10_000 }).toBe(index + 1);
    }
    expect(smtp.sink.mails.map((mail) => mail.subject)).toEqual(['New chat message from Limited 0', 'New chat message from Limited 1']);
    const { notifications } = fixture.database.tables;
    const rows = await fixture.database.db.select().from(notifications);
    const summary = rows.find((row) => row.kind === 'owner_summary')!;
    expect(summary).toMatchObject({ status: 'pending' });
    expect(summary.dueAt.getTime() - Date.now()).toBeGreaterThan(55 * 60_000);

    // The hour is up (moved here rather than waited for).
    await fixture.database.transaction((tx) => tx.update(notifications).set({ dueAt: new Date() }).where(eq(notifications.id, summary.id)));
    await smtp.sink.waitForMails(3);
    expect(smtp.sink.mails[2]!.subject).toBe('1 more chat is waiting for you');
    expect(smtp.sink.mails[2]!.text).toContain('1 more conversation got messages nobody has read.');
  });
});
