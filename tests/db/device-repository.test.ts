import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * The devices of a conversation, on every dialect: a link's single use holds
 * under a race, only live sessions of that conversation are listed, and
 * signing one out ends exactly that session.
 */

const MINUTE = 60_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`device repository on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);

    const newSession = (userAgent: string, expiresAt = new Date(Date.now() + 60 * MINUTE)) =>
      fixture.repository.createChatSession({ tokenHash: sha256(randomUUID()), visitorId: `v_${randomUUID()}`, expiresAt, userAgent });

    async function conversationWithDevices(count: number) {
      const first = await newSession('first browser');
      const { conversation } = await fixture.repository.getOrCreateOpenConversationBySessionId({ sessionId: first.id });
      const others = [];
      for (let index = 1; index < count; index += 1) {
        const session = await newSession(`browser ${index + 1}`);
        await fixture.repository.bindChatSessionToConversationById({ id: session.id, conversationId: conversation.id });
        others.push(session);
      }
      return { conversation, sessions: [first, ...others] };
    }

    it('claims a link once, even when several claims race, and sweeps claims past their expiry', async () => {
      const linkId = randomUUID();
      const expiresAt = new Date(Date.now() + 15 * MINUTE);
      const results = await Promise.all(Array.from({ length: 5 }, () => fixture.repository.claimDeviceLink({ linkId, expiresAt })));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await fixture.repository.claimDeviceLink({ linkId, expiresAt })).toBe(false);

      // A claim whose link has expired is swept by the next claim; the link itself is refused by its signature's expiry first.
      const old = randomUUID();
      expect(await fixture.repository.claimDeviceLink({ linkId: old, expiresAt: new Date(Date.now() - MINUTE) })).toBe(true);
      expect(await fixture.repository.claimDeviceLink({ linkId: randomUUID(), expiresAt })).toBe(true);
      expect(await fixture.repository.claimDeviceLink({ linkId: old, expiresAt })).toBe(true);
    });

    it('lists the live sessions of one conversation, most recently active first', async () => {
      const { conversation, sessions } = await conversationWithDevices(3);
      const elsewhere = await conversationWithDevices(1);
      const expired = await newSession('expired browser', new Date(Date.now() - MINUTE));
      await fixture.repository.bindChatSessionToConversationById({ id: expired.id, conversationId: conversation.id });
      await fixture.repository.touchChatSessionById({ id: sessions[0]!.id, expiresAt: new Date(Date.now() + 60 * MINUTE), now: new Date(Date.now() + 1_000) });

      const devices = await fixture.repository.listLiveChatSessionsByConversationId({ conversationId: conversation.id });
      expect(devices.map((device) => device.userAgent)).toEqual(['first browser', 'browser 3', 'browser 2']);
      expect(devices[0]).toMatchObject({ sessionId: sessions[0]!.id });
      expect(devices[0]!.lastSeenAt).toBeInstanceOf(Date);
      expect(await fixture.repository.listLiveChatSessionsByConversationId({ conversationId: elsewhere.conversation.id })).toHaveLength(1);
    });

    it('signs out one session of the conversation, and no session of another', async () => {
      const { conversation, sessions } = await conversationWithDevices(2);
      const other = await conversationWithDevices(1);
      expect(await fixture.repository.endChatSessionOfConversation({ sessionId: other.sessions[0]!.id, conversationId: conversation.id })).toBeNull();

      const ended = await fixture.repository.endChatSessionOfConversation({ sessionId: sessions[1]!.id, conversationId: conversation.id });
      expect(ended).toEqual({ tokenHash: sessions[1]!.tokenHash });
      expect(await fixture.repository.getLiveChatSessionByTokenHash({ tokenHash: sessions[1]!.tokenHash })).toBeNull();
      expect(await fixture.repository.getLiveChatSessionByTokenHash({ tokenHash: sessions[0]!.tokenHash })).not.toBeNull();
      expect(await fixture.repository.endChatSessionOfConversation({ sessionId: sessions[1]!.id, conversationId: conversation.id })).toBeNull();
      expect((await fixture.repository.listLiveChatSessionsByConversationId({ conversationId: conversation.id })).map((device) => device.sessionId)).toEqual([
        sessions[0]!.id,
      ]);
    });
  });
}
