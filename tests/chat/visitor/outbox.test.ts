import { describe, expect, it } from 'vitest';
import { createOutbox, type OutboxEntry, type OutboxStorage } from '@/chat/visitor/outbox';
import type { SendInput, SentMessage } from '@/chat/visitor/visitor-api';
import { ApiError } from '@/http/client/api-client';

function memoryStorage(initial: OutboxEntry[] = []): OutboxStorage & { saved: OutboxEntry[] } {
  const storage = {
    saved: initial,
    load: () => structuredClone(storage.saved),
    save: (entries: OutboxEntry[]) => {
      storage.saved = structuredClone(entries);
      return true;
    },
  };
  return storage;
}

/** A fake server: stores each clientMessageId once (like the real idempotent /send), fails on demand. */
function fakeServer() {
  const stored = new Map<string, SentMessage>();
  const calls: string[] = [];
  let failWith: ApiError | null = null;
  return {
    stored,
    calls,
    failNext(error: ApiError | null) {
      failWith = error;
    },
    async send(input: SendInput): Promise<SentMessage> {
      calls.push(input.clientMessageId);
      await Promise.resolve();
      if (failWith) throw failWith;
      const existing = stored.get(input.clientMessageId);
      if (existing) return existing;
      const message: SentMessage = {
        id: stored.size + 1,
        conversationId: 'c1',
        content: input.content,
        senderType: 'visitor',
        senderId: null,
        clientMessageId: input.clientMessageId,
        status: 'sent',
        createdAt: new Date().toISOString(),
        metadata: null,
        aiResponsePending: false,
      };
      stored.set(input.clientMessageId, message);
      return message;
    },
  };
}

function setup(storage = memoryStorage(), { server = fakeServer(), idPrefix = 'id' } = {}) {
  const sent: string[] = [];
  let counter = 0;
  const outbox = createOutbox({
    storage,
    send: (input) => server.send(input),
    onSent: (entry) => sent.push(entry.content),
    onChange: () => undefined,
    // Retries only when the test flushes (no timers racing the assertions).
    retryDelayMs: () => 60_000,
    createId: () => `${idPrefix}-${++counter}`,
  });
  return { outbox, server, sent, storage };
}

const offline = () => new ApiError({ error: 'Failed to fetch', status: 0 });

describe('the visitor outbox', () => {
  it('sends messages in the order they were written and empties itself', async () => {
    const { outbox, sent, storage } = setup();
    outbox.enqueue({ content: 'one' });
    outbox.enqueue({ content: 'two' });
    outbox.enqueue({ content: 'three' });
    await outbox.flush();
    expect(sent).toEqual(['one', 'two', 'three']);
    expect(outbox.entries()).toEqual([]);
    expect(storage.saved).toEqual([]);
    outbox.dispose();
  });

  it('keeps messages written offline, stored before the first attempt, and sends them once when back', async () => {
    const { outbox, server, sent, storage } = setup();
    server.failNext(offline());
    outbox.enqueue({ content: 'while offline' });
    expect(storage.saved.map((entry) => entry.content)).toEqual(['while offline']);
    await outbox.flush();
    outbox.enqueue({ content: 'still offline' });
    await outbox.flush();
    expect(sent).toEqual([]);
    expect(outbox.entries().map((entry) => entry.state)).toEqual(['queued', 'queued']);

    server.failNext(null);
    await outbox.flush();
    expect(sent).toEqual(['while offline', 'still offline']);
    expect(server.stored.size).toBe(2);
    outbox.dispose();
  });

  it('retries with the same clientMessageId, so a lost answer never makes a duplicate', async () => {
    const { outbox, server } = setup();
    // The server stores the message but the answer is lost on the way back.
    const realSend = server.send.bind(server);
    let loseAnswer = true;
    server.send = async (input) => {
      const message = await realSend(input);
      if (loseAnswer) {
        loseAnswer = false;
        throw new ApiError({ error: 'network error', status: 0 });
      }
      return message;
    };
    outbox.enqueue({ content: 'hello' });
    await outbox.flush();
    await outbox.flush();
    expect(server.calls).toEqual(['id-1', 'id-1']);
    expect(server.stored.size).toBe(1);
    expect(outbox.entries()).toEqual([]);
    outbox.dispose();
  });

  it('survives a reload: a new outbox over the same storage sends what the old one could not', async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    first.server.failNext(offline());
    first.outbox.enqueue({ content: 'before reload', visitorName: 'Ana' });
    await first.outbox.flush();
    first.outbox.dispose();

    const second = setup(storage);
    expect(second.outbox.entries().map((entry) => entry.content)).toEqual(['before reload']);
    await second.outbox.flush();
    expect(second.sent).toEqual(['before reload']);
    expect(second.server.calls).toEqual(['id-1']);
    second.outbox.dispose();
  });

  it('two tabs offline each queue a message: the stored list keeps both, and each is sent exactly once', async () => {
    const storage = memoryStorage();
    const server = fakeServer();
    const a = setup(storage, { server, idPrefix: 'a' });
    const b = setup(storage, { server, idPrefix: 'b' });
    server.failNext(offline());
    a.outbox.enqueue({ content: 'from tab A' });
    b.outbox.enqueue({ content: 'from tab B' });
    await Promise.all([a.outbox.flush(), b.outbox.flush()]);
    expect(storage.saved.map((entry) => entry.content)).toEqual(['from tab A', 'from tab B']);

    // Tab A hears of B's message (the storage event) and, back online, sends both; B then finds nothing left.
    server.failNext(null);
    a.outbox.reload();
    await a.outbox.flush();
    b.outbox.reload();
    await b.outbox.flush();
    expect([...server.stored.values()].map((message) => message.content)).toEqual(['from tab A', 'from tab B']);
    expect(storage.saved).toEqual([]);
    expect(b.outbox.entries()).toEqual([]);
    a.outbox.dispose();
    b.outbox.dispose();
  });

  it('does not send twice when flushes overlap (reconnect and "online" at the same moment)', async () => {
    const { outbox, server } = setup();
    server.failNext(offline());
    outbox.enqueue({ content: 'a' });
    outbox.enqueue({ content: 'b' });
    await outbox.flush();
    server.failNext(null);
    server.calls.length = 0;
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    expect(server.calls).toEqual(['id-1', 'id-2']);
    outbox.dispose();
  });

  it('marks a refused message failed, goes on with the others, and lets the visitor retry or delete it', async () => {
    const { outbox, server, sent } = setup();
    server.failNext(new ApiError({ error: 'Use at most 2000 characters.', status: 400, code: 'bad_request:validation' }));
    outbox.enqueue({ content: 'refused' });
    await outbox.flush();
    expect(outbox.entries()).toMatchObject([{ content: 'refused', state: 'failed', error: 'Use at most 2000 characters.' }]);

    server.failNext(null);
    outbox.enqueue({ content: 'next' });
    await outbox.flush();
    expect(sent).toEqual(['next']);

    outbox.retry('id-1');
    await outbox.flush();
    expect(sent).toEqual(['next', 'refused']);
    expect(outbox.entries()).toEqual([]);

    server.failNext(new ApiError({ error: 'bad', status: 400 }));
    const entry = outbox.enqueue({ content: 'to delete' });
    await outbox.flush();
    outbox.discard(entry.clientMessageId);
    expect(outbox.entries()).toEqual([]);
    outbox.dispose();
  });

  it('treats offline, rate limits, server errors and an expired session as retryable, other refusals as final', () => {
    expect([0, 401, 408, 429, 500, 503].map((status) => new ApiError({ error: '', status }).retryable)).toEqual([true, true, true, true, true, true]);
    expect([400, 403, 404, 413].map((status) => new ApiError({ error: '', status }).retryable)).toEqual([false, false, false, false]);
  });
});
