import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/server';
import { useProductionServer } from '../helpers/production-server';
import { rawHeader, useSmtpSink } from '../helpers/smtp';
import { newVisitor, switchAiRepliesOff, visitorGet, visitorSend } from '../chat/helpers';

const DELAY_SECONDS = 1;
const PUBLIC_URL = 'http://tanya.test';

/*
 * "Continue over e-mail": the owner's reply reaches a visitor who left an
 * address and was gone, with a link that reopens the conversation and one
 * that stops the mails; an unconfirmed address gets one mail until the
 * visitor is back.
 */
describe('e-mail to the visitor', () => {
  const smtp = useSmtpSink();
  const fixture = useProductionServer({
    admin: true,
    repository: true,
    env: () => ({ SMTP_URL: smtp.sink.url, PUBLIC_URL, NOTIFY_AFTER_SECONDS: String(DELAY_SECONDS) }),
  });

  beforeAll(async () => {
    await switchAiRepliesOff(fixture.server, fixture.adminCookie);
  });

  const ownerReplies = async (conversationId: string, content: string) => {
    const response = await api(fixture.server, '/api/chat/send', { body: { conversationId, content, clientMessageId: randomUUID() }, cookie: fixture.adminCookie });
    expect(response.status).toBe(201);
  };
  /** The link as the mail has it, pointed at the server under test instead of PUBLIC_URL. */
  const onServer = (link: string) => link.replace(PUBLIC_URL, fixture.server.url);

  it('mails the reply with a resume link that opens the same conversation in a new session, at most once until the visitor is back', async () => {
    const email = `visitor-${randomUUID().slice(0, 8)}@example.com`;
    const token = await newVisitor(fixture.server);
    const sent = await visitorSend(fixture.server, token, { content: 'Do you take freelance work?', clientMessageId: randomUUID(), visitorEmail: email });
    const conversationId = sent.body.data.conversationId as string;
    await ownerReplies(conversationId, 'Yes, <i>gladly</i>. Tell me more!');

    await expect.poll(() => smtp.sink.to(email).length, { timeout: 10_000 }).toBe(1);
    const [mail] = smtp.sink.to(email);
    expect(mail!.text).toContain('Yes, <i>gladly</i>. Tell me more!');
    expect(mail!.html).toContain('Yes, &lt;i&gt;gladly&lt;/i&gt;. Tell me more!');
    expect(mail!.text).not.toContain('Do you take freelance work?');
    const unsubscribeHeader = rawHeader(mail!, 'List-Unsubscribe') ?? '';
    expect(unsubscribeHeader).toMatch(/^<http:\/\/tanya\.test\/api\/chat\/unsubscribe\?token=/);
    expect(rawHeader(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const resumeLink = /http:\/\/tanya\.test\/chat\?resume=[\w.-]+/.exec(mail!.text!)?.[0];
    expect(resumeLink).toBeDefined();

    // Not seen since: a second reply is no second mail to an address nobody confirmed.
    await ownerReplies(conversationId, 'Are you still there?');
    await sleep(DELAY_SECONDS * 1000 + 2_500);
    expect(smtp.sink.to(email)).toHaveLength(1);

    // Following the link: the page hands its token to the API and gets a new session in that conversation.
    const resumeToken = new URL(resumeLink!).searchParams.get('resume')!;
    const resumed = await api(fixture.server, '/api/chat/resume', { body: { token: resumeToken } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.data.conversationId).toBe(conversationId);
    expect(resumed.body.data.sessionToken).not.toBe(token);
    const session = await api(fixture.server, '/api/chat/session', { body: { sessionToken: resumed.body.data.sessionToken } });
    expect(session.body.data.conversationId).toBe(conversationId);
    const history = await visitorGet(fixture.server, resumed.body.data.sessionToken, `/api/chat/messages?conversationId=${conversationId}`);
    expect(history.status).toBe(200);
    expect(history.body.data.messages.map((message: { content: string }) => message.content)).toEqual([
      'Do you take freelance work?',
      'Yes, <i>gladly</i>. Tell me more!',
      'Are you still there?',
    ]);

    // Seen again (through the link): the next reply may be mailed.
    await ownerReplies(conversationId, 'One more thing.');
    await expect.poll(() => smtp.sink.to(email).length, { timeout: 10_000 }).toBe(2);
  });

  it('refuses a resume link that was altered or is not one', async () => {
    for (const token of ['not-a-token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abc']) {
      const response = await api(fixture.server, '/api/chat/resume', { body: { token } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('bad_request:link');
    }
  });

  it('stops the mails for a conversation after a one-click unsubscribe', async () => {
    const email = `leaver-${randomUUID().slice(0, 8)}@example.com`;
    const token = await newVisitor(fixture.server);
    const sent = await visitorSend(fixture.server, token, { content: 'Hi', clientMessageId: randomUUID(), visitorEmail: email });
    const conversationId = sent.body.data.conversationId as string;
    await ownerReplies(conversationId, 'Hello!');
    await expect.poll(() => smtp.sink.to(email).length, { timeout: 10_000 }).toBe(1);

    const link = /<([^>]+)>/.exec(rawHeader(smtp.sink.to(email)[0]!, 'List-Unsubscribe') ?? '')![1]!;
    // What a mail client's unsubscribe button does (RFC 8058).
    const response = await fetch(onServer(link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);

    // Back in the chat (seen again), then gone: the next reply would be mailed, but the address unsubscribed.
    await api(fixture.server, '/api/chat/read', { body: { conversationId, upToMessageId: sent.body.data.id }, headers: { 'x-session-token': token } });
    await ownerReplies(conversationId, 'Did you see my answer?');
    await sleep(DELAY_SECONDS * 1000 + 2_500);
    expect(smtp.sink.to(email)).toHaveLength(1);
  });

  // Last in this file: it spends the address's new-session allowance for the minute.
  it('makes new sessions from a resume link no faster than the chat allows new sessions from one address', async () => {
    const email = `again-${randomUUID().slice(0, 8)}@example.com`;
    const token = await newVisitor(fixture.server);
    const sent = await visitorSend(fixture.server, token, { content: 'Ping', clientMessageId: randomUUID(), visitorEmail: email });
    await ownerReplies(sent.body.data.conversationId as string, 'Pong');
    await expect.poll(() => smtp.sink.to(email).length, { timeout: 10_000 }).toBe(1);
    const resumeToken = new URL(/http:\/\/tanya\.test\/chat\?resume=[\w.-]+/.exec(smtp.sink.to(email)[0]!.text!)![0]).searchParams.get('resume')!;

    // CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE is 30 by default, and this file's other sessions count too.
    const statuses: number[] = [];
    for (let use = 0; use <= 30 && !statuses.includes(429); use++) {
      statuses.push((await api(fixture.server, '/api/chat/resume', { body: { token: resumeToken } })).status);
    }
    expect(statuses[0]).toBe(200);
    expect(statuses.at(-1)).toBe(429);
  });
});
