import { describe, expect, it } from 'vitest';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * Presence and webhook receipts kept for the Pusher driver, on every dialect:
 * serverless functions share them through the database, and webhooks may
 * arrive late, twice or concurrently.
 */

const CHANNEL = 'presence-admin-chat';
const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`realtime repository on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);
    const online = () => fixture.repository.countPresentMembersByChannel({ channel: CHANNEL });

    it('follows joins and leaves, ignoring a change older than the one stored', async () => {
      await fixture.repository.recordPresenceChangeByMember({ channel: CHANNEL, memberId: '1', present: true, at: at(1_000) });
      await fixture.repository.recordPresenceChangeByMember({ channel: CHANNEL, memberId: '2', present: true, at: at(1_000) });
      expect(await online()).toBe(2);
      await fixture.repository.recordPresenceChangeByMember({ channel: CHANNEL, memberId: '1', present: false, at: at(3_000) });
      await fixture.repository.recordPresenceChangeByMember({ channel: CHANNEL, memberId: '1', present: true, at: at(2_000) });
      expect(await online()).toBe(1);
      expect(await fixture.repository.countPresentMembersByChannel({ channel: 'presence-other' })).toBe(0);
    });

    it('empties a vacated channel, but keeps a join stamped after the vacancy', async () => {
      await fixture.repository.recordPresenceChangeByMember({ channel: CHANNEL, memberId: '3', present: true, at: at(9_000) });
      await fixture.repository.markPresenceChannelVacatedByName({ channel: CHANNEL, at: at(5_000) });
      expect(await online()).toBe(1);
      await fixture.repository.markPresenceChannelVacatedByName({ channel: CHANNEL, at: at(10_000) });
      expect(await online()).toBe(0);
    });

    it('records concurrent first changes of one member once', async () => {
      await Promise.all(
        [true, false, true].map((present, index) =>
          fixture.repository.recordPresenceChangeByMember({ channel: CHANNEL, memberId: '4', present, at: at(20_000 + index) }),
        ),
      );
      expect(await online()).toBe(1);
    });

    it('accepts a webhook signature once, forgets receipts older than asked, and one it is told to forget', async () => {
      const receipt = { signature: 'a'.repeat(64), receivedAt: at(0), forgetBefore: at(-60_000) };
      expect(await fixture.repository.recordWebhookReceiptBySignature(receipt)).toBe(true);
      expect(await fixture.repository.recordWebhookReceiptBySignature(receipt)).toBe(false);
      const later = { signature: 'b'.repeat(64), receivedAt: at(600_000), forgetBefore: at(300_000) };
      expect(await fixture.repository.recordWebhookReceiptBySignature(later)).toBe(true);
      expect(await fixture.repository.recordWebhookReceiptBySignature({ ...receipt, receivedAt: at(600_001), forgetBefore: at(300_000) })).toBe(true);
      await fixture.repository.forgetWebhookReceiptBySignature({ signature: later.signature });
      expect(await fixture.repository.recordWebhookReceiptBySignature(later)).toBe(true);
    });
  });
}
