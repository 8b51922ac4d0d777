import { describe, expect, it } from 'vitest';
import { dialects, mysqlSkipReason, useMigratedRepository } from '../helpers/databases';

/*
 * Conformance suite for saved replies on every dialect: a shortcut belongs to
 * one reply (the unique index decides), the cap holds, and an import merges
 * by shortcut all or nothing.
 */

for (const { dialect, create, skip } of dialects) {
  describe.skipIf(skip)(`saved replies repository on ${dialect}${skip ? ` (skipped: ${mysqlSkipReason})` : ''}`, () => {
    const fixture = useMigratedRepository(create);
    const clear = async () => {
      for (const reply of await fixture.repository.listSavedReplies()) await fixture.repository.deleteSavedReplyById({ id: reply.id });
    };

    it('creates, lists oldest first, updates and deletes', async () => {
      await clear();
      const rates = await fixture.repository.createSavedReply({ reply: { title: 'Rates', text: 'My **rates**', shortcut: 'rates' }, max: 10 });
      const plain = await fixture.repository.createSavedReply({ reply: { title: 'Thanks', text: 'Thank you!', shortcut: null }, max: 10 });
      expect(rates).toMatchObject({ status: 'ok', value: { title: 'Rates', text: 'My **rates**', shortcut: 'rates' } });
      expect(plain.status).toBe('ok');
      if (rates.status !== 'ok' || plain.status !== 'ok') return;
      expect((await fixture.repository.listSavedReplies()).map((reply) => reply.id)).toEqual([rates.value.id, plain.value.id]);

      const updated = await fixture.repository.updateSavedReplyById({ id: rates.value.id, patch: { text: 'New rates', shortcut: null } });
      expect(updated).toMatchObject({ status: 'ok', value: { id: rates.value.id, title: 'Rates', text: 'New rates', shortcut: null } });
      expect(await fixture.repository.updateSavedReplyById({ id: 999_999, patch: { title: 'Nobody' } })).toEqual({ status: 'ok', value: null });

      expect(await fixture.repository.deleteSavedReplyById({ id: plain.value.id })).toBe(true);
      expect(await fixture.repository.deleteSavedReplyById({ id: plain.value.id })).toBe(false);
      expect(await fixture.repository.getSavedReplyById({ id: plain.value.id })).toBeNull();
    });

    it('lets one reply own a shortcut, while many have none', async () => {
      await clear();
      const first = await fixture.repository.createSavedReply({ reply: { title: 'A', text: 'a', shortcut: 'hello' }, max: 10 });
      expect(await fixture.repository.createSavedReply({ reply: { title: 'B', text: 'b', shortcut: 'hello' }, max: 10 })).toEqual({ status: 'duplicate_shortcut' });
      const other = await fixture.repository.createSavedReply({ reply: { title: 'C', text: 'c', shortcut: null }, max: 10 });
      expect((await fixture.repository.createSavedReply({ reply: { title: 'D', text: 'd', shortcut: null }, max: 10 })).status).toBe('ok');
      if (first.status !== 'ok' || other.status !== 'ok') throw new Error('setup failed');
      expect(await fixture.repository.updateSavedReplyById({ id: other.value.id, patch: { shortcut: 'hello' } })).toEqual({ status: 'duplicate_shortcut' });
      expect((await fixture.repository.getSavedReplyById({ id: other.value.id }))?.shortcut).toBeNull();
    });

    it('refuses a reply past the cap', async () => {
      await clear();
      await fixture.repository.createSavedReply({ reply: { title: 'One', text: '1', shortcut: null }, max: 2 });
      await fixture.repository.createSavedReply({ reply: { title: 'Two', text: '2', shortcut: null }, max: 2 });
      expect(await fixture.repository.createSavedReply({ reply: { title: 'Three', text: '3', shortcut: null }, max: 2 })).toEqual({ status: 'full' });
      expect(await fixture.repository.listSavedReplies()).toHaveLength(2);
    });

    it('imports by merging on shortcut, and a second import of the same file changes nothing', async () => {
      await clear();
      await fixture.repository.createSavedReply({ reply: { title: 'Rates', text: 'Old rates', shortcut: 'rates' }, max: 10 });
      await fixture.repository.createSavedReply({ reply: { title: 'Thanks', text: 'Thank you!', shortcut: null }, max: 10 });
      const file = [
        { title: 'Rates', text: 'New rates', shortcut: 'rates' },
        { title: 'Thanks', text: 'Thank you!', shortcut: null },
        { title: 'Hours', text: 'Weekdays 9-5', shortcut: 'hours' },
      ];
      expect(await fixture.repository.importSavedReplies({ replies: file, max: 10 })).toEqual({ status: 'ok', value: { created: 1, updated: 1, unchanged: 1 } });
      expect(await fixture.repository.importSavedReplies({ replies: file, max: 10 })).toEqual({ status: 'ok', value: { created: 0, updated: 0, unchanged: 3 } });
      const stored = await fixture.repository.listSavedReplies();
      expect(stored.map(({ title, text, shortcut }) => ({ title, text, shortcut }))).toEqual([file[0], file[1], file[2]]);
    });

    it('imports nothing when the result would pass the cap', async () => {
      await clear();
      await fixture.repository.createSavedReply({ reply: { title: 'Rates', text: 'Old rates', shortcut: 'rates' }, max: 2 });
      const file = [
        { title: 'Rates', text: 'New rates', shortcut: 'rates' },
        { title: 'A', text: 'a', shortcut: null },
        { title: 'B', text: 'b', shortcut: null },
      ];
      expect(await fixture.repository.importSavedReplies({ replies: file, max: 2 })).toEqual({ status: 'full' });
      expect((await fixture.repository.listSavedReplies()).map((reply) => reply.text)).toEqual(['Old rates']);
    });
  });
}
