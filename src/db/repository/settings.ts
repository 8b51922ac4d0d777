import { eq } from 'drizzle-orm';
import type { Database, Tables } from '../client';
import { columnsWithout } from './select';

/** The row's id is fixed (SETTINGS_ROW_ID) and its creation time is nobody's business. */
export type ChatSettings = Omit<Tables['chatSettings']['$inferSelect'], 'id' | 'createdAt'>;

export type ChatSettingsPatch = Partial<Omit<ChatSettings, 'updatedAt'>>;

export const defaultChatSettings = {
  welcomeMessage: "Hi! 👋 Ask me anything about my work, or leave a message and I'll get back to you.",
  offlineMessage: "I'm not online right now. Leave a message and I'll reply as soon as I can.",
  welcomeMessageIndonesian: 'Hai! 👋 Tanyakan apa saja tentang pekerjaan saya, atau tinggalkan pesan dan saya akan membalasnya.',
  offlineMessageIndonesian: 'Saya sedang tidak online. Tinggalkan pesan dan saya akan membalas secepatnya.',
} as const;

/** chat_settings holds a single row (id 1); the first read creates it with the defaults. */
const SETTINGS_ROW_ID = 1;

export function createSettingsRepository({ db, tables, transaction, insertReturningIds, isUniqueViolation }: Database) {
  const { chatSettings } = tables;
  const columns = columnsWithout(chatSettings, ['createdAt']);

  const selectRow = () => db.select(columns).from(chatSettings).where(eq(chatSettings.id, SETTINGS_ROW_ID)).limit(1);

  /** The row has a fixed id, so concurrent first reads cannot create two: the loser's insert is a unique violation. */
  async function ensureRow(initial: ChatSettingsPatch = {}): Promise<ChatSettings & { id: number }> {
    const [row] = await selectRow();
    if (row) return row;
    try {
      await transaction((tx) =>
        insertReturningIds(chatSettings, [{ id: SETTINGS_ROW_ID, ...defaultChatSettings, ...initial }], tx),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const [created] = await selectRow();
    return created!;
  }

  return {
    /** Creates the settings row with `initial` on top of the defaults, unless it exists already (which it keeps). */
    async initializeChatSettings(initial: ChatSettingsPatch): Promise<ChatSettings> {
      const { id: _id, ...settings } = await ensureRow(initial);
      return settings;
    },

    async getChatSettings(): Promise<ChatSettings> {
      const { id: _id, ...settings } = await ensureRow();
      return settings;
    },

    async updateChatSettings(patch: ChatSettingsPatch): Promise<ChatSettings> {
      const { id } = await ensureRow();
      await transaction((tx) => tx.update(chatSettings).set(patch).where(eq(chatSettings.id, id)));
      const { id: _id, ...settings } = await ensureRow();
      return settings;
    },
  };
}
