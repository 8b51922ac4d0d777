import { dictionaries, type Locale } from '@/chat/ui/i18n';
import { LAUNCHER_ICONS } from '@/chat/visitor/launcher-icons';
import { STORAGE_KEYS } from '@/shared/names';
import { tanyaEmbedLoader, type EmbedLoaderConfig } from '../loader';
import { EMBED_CHANNEL, EMBED_CHAT_PATH, EMBED_PROTOCOL_VERSION, EMBED_QUERY } from '../protocol';

/** The launcher's default colour: the chat's own indigo-600. */
export const DEFAULT_EMBED_COLOR = '#4f46e5';

const COUNT = 1_000_000;
const labelsOf = (locale: Locale) => {
  const t = dictionaries[locale];
  return {
    title: t.chatTitle,
    open: t.openChat,
    close: t.closeChat,
    unreadOne: t.unreadCount(1),
    unreadMany: t.unreadCount(COUNT).replace(String(COUNT), '{count}'),
  };
};

const config: EmbedLoaderConfig = {
  channel: EMBED_CHANNEL,
  version: EMBED_PROTOCOL_VERSION,
  chatPath: EMBED_CHAT_PATH,
  query: EMBED_QUERY,
  icons: LAUNCHER_ICONS,
  labels: { en: labelsOf('en'), id: labelsOf('id') },
  returningKey: STORAGE_KEYS.embedReturning,
  defaultColor: DEFAULT_EMBED_COLOR,
};

/**
 * embed.js: the loader's compiled source called with its config. The same
 * texts, icons and protocol constants as the chat's own, from one place.
 */
export const embedLoaderScript = `(${tanyaEmbedLoader.toString()})(${JSON.stringify(config)});\n`;
