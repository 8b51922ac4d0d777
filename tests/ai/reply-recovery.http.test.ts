import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import type { Repository } from '@/db/repository';
import type { Message } from '@/db/repository/chat';
import { openServerDatabase, ADMIN, adminEnv } from '../helpers/production-server';
import { api, signInAsAdmin, startTestServer, type TestServer } from '../helpers/server';
import { createVisitor } from '../realtime/helpers';

/*
 * A reply runs in the server's memory: a process that dies takes it along.
 * On start-up the server finds the questions nothing has answered and
 * answers them, or, when they have waited too long (10 minutes), hands them
 * to the owner with a notice in the visitor's language. Questions answered
 * already get nothing more.
 */
describe('questions left unanswered by a process that died are answered at start-up', () => {
  let dataDir: string;
  let database: Database;
  let repository: Repository;
  let server: TestServer;
  let adminCookie: string;
  const seeded = {} as Record<'recent' | 'old' | 'oldIndonesian' | 'answered' | 'ownerAnswered', { conversationId: string; token: string; messages: Message[] }>;

  /** A conversation with these messages, as the process that died left it. */
  async function conversationWith(messages: { senderType: Message['senderType']; content: string }[], minutesAgo = 0) {
    const { token, conversationId } = await createVisitor(repository);
    const stored: Message[] = [];
    for (const message of messages) stored.push((await repository.createMessage({ conversationId: conversationId!, ...message })).message);
    if (minutesAgo > 0) {
      const at = new Date(Date.now() - minutesAgo * 60_000);
      const { conversations, messages: messageTable } = database.tables;
      await database.transaction(async (tx) => {
        const [row] = await tx.select({ key: conversations.id }).from(conversations).where(eq(conversations.publicId, conversationId!));
        await tx.update(conversations).set({ lastMessageAt: at }).where(eq(conversations.id, row!.key));
        await tx.update(messageTable).set({ createdAt: at }).where(eq(messageTable.conversationId, row!.key));
      });
    }
    return { token, conversationId: conversationId!, messages: stored };
  }
  const messagesOf = async (conversationId: string) => (await repository.listMessagesByConversationId({ conversationId })).messages;
  const aiMessagesOf = async (conversationId: string) => (await messagesOf(conversationId)).filter((message) => message.senderType === 'ai');

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanya-recovery-'));
    ({ database, repository } = openServerDatabase({ dataDir }));
    await database.migrate();
    seeded.recent = await conversationWith([{ senderType: 'visitor', content: 'What tech stack do you use?' }], 2);
    seeded.old = await conversationWith([{ senderType: 'visitor', content: 'Do you take freelance work?' }], 11);
    seeded.oldIndonesian = await conversationWith([{ senderType: 'visitor', content: 'Apakah kamu menerima proyek freelance?' }], 30);
    seeded.answered = await conversationWith([
      { senderType: 'visitor', content: 'Where are you based?' },
      { senderType: 'ai', content: 'In Jakarta.' },
    ]);
    seeded.ownerAnswered = await conversationWith([
      { senderType: 'visitor', content: 'Can we have a call?' },
      { senderType: 'admin', content: 'Sure, tomorrow at ten?' },
    ], 11);

    server = await startTestServer({ dataDir, env: adminEnv });
    adminCookie = await signInAsAdmin(server, ADMIN);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a question younger than ten minutes, as an automatic reply would have', async () => {
    await expect.poll(() => aiMessagesOf(seeded.recent.conversationId), { timeout: 30_000 }).toHaveLength(1);
    const [answer] = await aiMessagesOf(seeded.recent.conversationId);
    expect(answer!.metadata).toMatchObject({ provider: 'local' });
    expect(answer!.metadata).not.toHaveProperty('handover');
    expect((await repository.getConversationById({ id: seeded.recent.conversationId }))?.needsHuman).toBe(false);
  });

  it('hands an older question to the owner: a notice in the visitor’s language, "needs you" in the inbox, the question among the unanswered', async () => {
    for (const { conversationId } of [seeded.old, seeded.oldIndonesian]) {
      await expect.poll(() => aiMessagesOf(conversationId), { timeout: 30_000 }).toHaveLength(1);
      const [notice] = await aiMessagesOf(conversationId);
      expect(notice!.metadata).toMatchObject({ handover: true, notice: 'late' });
      expect((await repository.getConversationById({ id: conversationId }))?.needsHuman).toBe(true);
    }
    expect((await aiMessagesOf(seeded.old.conversationId))[0]!.content).toMatch(/^Sorry for the wait/);
    expect((await aiMessagesOf(seeded.oldIndonesian.conversationId))[0]!.content).toMatch(/^Maaf sudah menunggu/);

    const inbox = await api(server, '/api/chat/conversations?status=all&limit=50', { cookie: adminCookie });
    expect(inbox.status).toBe(200);
    const listed = new Map((inbox.body.data.conversations as { id: string; needsHuman: boolean }[]).map((item) => [item.id, item.needsHuman]));
    expect(listed.get(seeded.old.conversationId)).toBe(true);
    expect(listed.get(seeded.recent.conversationId)).toBe(false);

    const unanswered = await api(server, '/api/chat/unanswered?status=open', { cookie: adminCookie });
    expect(unanswered.status).toBe(200);
    const texts = (unanswered.body.data.questions as { text: string; reason: string }[]).map(({ text, reason }) => ({ text, reason }));
    expect(texts).toContainEqual({ text: 'Do you take freelance work?', reason: 'provider_failed' });
  });

  it('adds nothing to questions already answered, by the assistant or by the owner, and says what it did', async () => {
    await expect.poll(() => server.logs.some((entry) => entry.msg === 'AI replies lost with a process recovered'), { timeout: 30_000 }).toBe(true);
    expect(server.logs.filter((entry) => entry.msg === 'AI replies lost with a process recovered')).toEqual([
      expect.objectContaining({ trigger: 'start-up', retried: 1, handedOver: 2, inProgress: 0 }),
    ]);
    // Long enough for any reply to them to be stored, had one been queued.
    await expect.poll(() => aiMessagesOf(seeded.recent.conversationId), { timeout: 30_000 }).toHaveLength(1);
    const ids = (messages: Message[]) => messages.map((message) => message.id);
    expect(ids(await messagesOf(seeded.answered.conversationId))).toEqual(ids(seeded.answered.messages));
    expect(ids(await messagesOf(seeded.ownerAnswered.conversationId))).toEqual(ids(seeded.ownerAnswered.messages));
  });

  it('a second restart finds nothing left to recover', async () => {
    const { port } = server;
    await server.stop();
    server = await startTestServer({ dataDir, env: { ...adminEnv, PORT: String(port) } });
    await expect.poll(() => server.logs.find((entry) => entry.msg === 'AI replies lost with a process recovered'), { timeout: 30_000 }).toMatchObject({
      retried: 0,
      handedOver: 0,
    });
    for (const { conversationId } of [seeded.recent, seeded.old, seeded.oldIndonesian]) expect(await aiMessagesOf(conversationId)).toHaveLength(1);
  });
});
