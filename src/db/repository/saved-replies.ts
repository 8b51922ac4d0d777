import { asc, eq } from 'drizzle-orm';
import type { Database, Db, ReadDb, Tables } from '../client';

/** A saved reply as stored; `shortcut` has no slash, null when the reply has none. */
export type SavedReplyRow = Tables['savedReplies']['$inferSelect'];
export type SavedReplyFields = { title: string; text: string; shortcut: string | null };

export type SavedReplyWrite<T> = { status: 'ok'; value: T } | { status: 'duplicate_shortcut' } | { status: 'full' };

export type SavedReplyImportCounts = { created: number; updated: number; unchanged: number };

/*
 * The owner's saved replies. The cap is checked inside the write's
 * transaction, and a taken shortcut is left to the unique index, so a write
 * racing another cannot slip past either (on MySQL two concurrent creates may
 * still end one over the cap: harmless, the cap only keeps the picker usable).
 */
export function createSavedReplyRepository({ db, tables, transaction, insertReturningIds, affectedRows, isUniqueViolation }: Database) {
  const { savedReplies } = tables;

  const selectById = async (reader: ReadDb, id: number): Promise<SavedReplyRow | null> =>
    (await reader.select().from(savedReplies).where(eq(savedReplies.id, id)).limit(1))[0] ?? null;
  const selectAll = (reader: ReadDb): Promise<SavedReplyRow[]> => reader.select().from(savedReplies).orderBy(asc(savedReplies.id));

  /** Runs a write, answering a unique-index violation as the taken shortcut it can only be. */
  async function writing<T>(work: (tx: Db) => Promise<SavedReplyWrite<T>>): Promise<SavedReplyWrite<T>> {
    try {
      return await transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) return { status: 'duplicate_shortcut' };
      throw error;
    }
  }

  return {
    /** Oldest first: the order they were written in, the same on both dialects whatever their collation. */
    listSavedReplies: () => selectAll(db),

    getSavedReplyById: ({ id }: { id: number }) => selectById(db, id),

    createSavedReply({ reply, max }: { reply: SavedReplyFields; max: number }): Promise<SavedReplyWrite<SavedReplyRow>> {
      return writing<SavedReplyRow>(async (tx) => {
        if ((await tx.$count(savedReplies)) >= max) return { status: 'full' };
        const [id] = await insertReturningIds(savedReplies, [reply], tx);
        return { status: 'ok', value: (await selectById(tx, id!))! };
      });
    },

    /** The updated reply, or a null value when no reply has this id. */
    updateSavedReplyById({ id, patch }: { id: number; patch: Partial<SavedReplyFields> }): Promise<SavedReplyWrite<SavedReplyRow | null>> {
      return writing(async (tx) => {
        if (Object.keys(patch).length > 0) await tx.update(savedReplies).set(patch).where(eq(savedReplies.id, id));
        return { status: 'ok', value: await selectById(tx, id) };
      });
    },

    async deleteSavedReplyById({ id }: { id: number }): Promise<boolean> {
      return transaction(async (tx) => affectedRows(await tx.delete(savedReplies).where(eq(savedReplies.id, id))) === 1);
    },

    /**
     * Merges an exported list into the stored one, all or nothing: a reply
     * whose shortcut is already taken replaces that reply's title and text; a
     * reply without a shortcut is added unless an identical one (same title
     * and text, no shortcut) exists, so importing a file twice changes nothing.
     * The caller has checked that the file names each shortcut once.
     */
    importSavedReplies({ replies, max }: { replies: SavedReplyFields[]; max: number }): Promise<SavedReplyWrite<SavedReplyImportCounts>> {
      return writing<SavedReplyImportCounts>(async (tx) => {
        const stored = await selectAll(tx);
        const byShortcut = new Map(stored.filter((row) => row.shortcut !== null).map((row) => [row.shortcut!, row]));
        const sameText = (a: SavedReplyFields, b: SavedReplyFields) => a.title === b.title && a.text === b.text;
        let unchanged = 0;
        const toCreate: SavedReplyFields[] = [];
        const toUpdate: { id: number; title: string; text: string }[] = [];
        for (const reply of replies) {
          const existing = reply.shortcut === null ? stored.find((row) => row.shortcut === null && sameText(row, reply)) : byShortcut.get(reply.shortcut);
          if (!existing) toCreate.push(reply);
          else if (sameText(existing, reply)) unchanged++;
          else toUpdate.push({ id: existing.id, title: reply.title, text: reply.text });
        }
        if (stored.length + toCreate.length > max) return { status: 'full' };
        for (const { id, ...fields } of toUpdate) await tx.update(savedReplies).set(fields).where(eq(savedReplies.id, id));
        await insertReturningIds(savedReplies, toCreate, tx);
        return { status: 'ok', value: { created: toCreate.length, updated: toUpdate.length, unchanged } };
      });
    },
  };
}
