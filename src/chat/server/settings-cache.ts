import { getRepository } from '@/db';
import type { ChatSettings } from '@/db/repository/settings';
import { createProcessCache } from '@/server/process-cache';

/**
 * The owner's chat settings as every send, AI decision and session answer
 * reads them: from memory, forgotten on every instance when the owner saves
 * (changeChatSettings). Without Redis an instance that did not take the
 * change sees it within this long.
 */
export const CHAT_SETTINGS_MAX_AGE_MS = 10_000;

const chatSettings = createProcessCache<ChatSettings>({
  name: 'chat-settings',
  load: () => getRepository().getChatSettings(),
  maxAgeMs: CHAT_SETTINGS_MAX_AGE_MS,
});

/** Shared by every caller: read it, never change it. */
export const readCurrentChatSettings = (): Promise<ChatSettings> => chatSettings.get('');

/** After a settings write committed. */
export const forgetChatSettings = (): Promise<void> => chatSettings.invalidate();
