import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * Conformance suite for the e-mail outbox on every dialect: one pending row
 * per dedupe key, a claim that exactly one of many concurrent claimers wins,
 * a lease that frees the row when its holder vanishes, and writes that only
 * the claim's holder can make.
 */

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`notification repository on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);
    const conversationId = () => randomUUID().replace(/-/g, '').slice(0, 24);
    const now = () => new Date();

    async function pendingRow(dedupeKey = `owner:${randomUUID()}`) {
      const id = conversationId();
      await fixture.repository.createNotification({ kind: 'owner_messages', conversationId: id, dedupeKey, dueAt: new Date(Date.now() - 1_000) });
      const ids = await fixture.repository.listClaimableNotificationIds({ now: now(), limit: 100 });
      const rows = await Promise.all(ids.map((rowId) => fixture.repository.getNotificationById({ id: rowId })));
      return rows.find((row) => row?.conversationId === id)!;
    }

    it('keeps one pending row per dedupe key, and a new one once that row is done', async () => {
      const dedupeKey = `owner:${randomUUID()}`;
      const row = await pendingRow(dedupeKey);
      const again = await fixture.repository.createNotification({ kind: 'owner_messages', conversationId: row.conversationId, dedupeKey, dueAt: now() });
      expect(again.created).toBe(false);
      const claimed = await fixture.repository.claimNotificationById({ id: row.id, token: randomUUID(), now: now(), leaseMs: 60_000 });
      await fixture.repository.finishNotificationByClaim({ id: row.id, token: claimed!.claimToken!, status: 'sent', sentAt: now() });
      expect((await fixture.repository.createNotification({ kind: 'owner_messages', conversationId: row.conversationId, dedupeKey, dueAt: now() })).created).toBe(true);
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const row = await pendingRow();
      const claims = await Promise.all(
        Array.from({ length: 10 }, () => fixture.repository.claimNotificationById({ id: row.id, token: randomUUID(), now: now(), leaseMs: 60_000 })),
      );
      expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
      expect(await fixture.repository.listClaimableNotificationIds({ now: now(), limit: 100 })).not.toContain(row.id);
    });

    it('frees the row when the lease runs out, and ignores the old holder afterwards', async () => {
      const row = await pendingRow();
      const first = randomUUID();
      expect(await fixture.repository.claimNotificationById({ id: row.id, token: first, now: now(), leaseMs: 1 })).not.toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const second = randomUUID();
      expect(await fixture.repository.claimNotificationById({ id: row.id, token: second, now: now(), leaseMs: 60_000 })).not.toBeNull();
      expect(await fixture.repository.finishNotificationByClaim({ id: row.id, token: first, status: 'sent', sentAt: now() })).toBe(false);
      expect(await fixture.repository.finishNotificationByClaim({ id: row.id, token: second, status: 'failed', lastError: 'refused' })).toBe(true);
      expect(await fixture.repository.listFailedNotifications({ limit: 100 })).toContainEqual(expect.objectContaining({ id: row.id, lastError: 'refused' }));
    });

    it('waits until the retry time before a row can be claimed again', async () => {
      const row = await pendingRow();
      const token = randomUUID();
      await fixture.repository.claimNotificationById({ id: row.id, token, now: now(), leaseMs: 60_000 });
      await fixture.repository.retryNotificationByClaim({ id: row.id, token, attempts: 1, dueAt: new Date(Date.now() + 60_000), lastError: 'down' });
      expect(await fixture.repository.listClaimableNotificationIds({ now: now(), limit: 100 })).not.toContain(row.id);
      expect(await fixture.repository.listClaimableNotificationIds({ now: new Date(Date.now() + 61_000), limit: 100 })).toContain(row.id);
    });

    it('remembers an unsubscribed address per conversation, whatever its case', async () => {
      const id = conversationId();
      await fixture.repository.createEmailUnsubscribe({ conversationId: id, email: 'Ana@Example.com' });
      await fixture.repository.createEmailUnsubscribe({ conversationId: id, email: 'ana@example.com' });
      expect(await fixture.repository.isEmailUnsubscribed({ conversationId: id, email: 'ANA@example.com' })).toBe(true);
      expect(await fixture.repository.isEmailUnsubscribed({ conversationId: conversationId(), email: 'ana@example.com' })).toBe(false);
    });
  });
}
