import type { ChatSettingsPayload } from './types';

/*
 * The settings form edits strings (what inputs hold); the API takes typed
 * values with null for "none". This is the translation both ways, and the
 * patch of only what changed, so saving one field cannot overwrite another
 * that a second admin changed meanwhile.
 */

export type SettingsDraft = {
  aiEnabled: boolean;
  aiProvider: ChatSettingsPayload['aiProvider'];
  aiModel: string;
  aiTemperature: string;
  aiSystemPrompt: string;
  welcomeMessage: string;
  offlineMessage: string;
  welcomeMessageIndonesian: string;
  offlineMessageIndonesian: string;
  notifyEnabled: boolean;
  notifyOnlyHandovers: boolean;
  ratingsEnabled: boolean;
  /** Blank: the server's default (NOTIFY_AFTER_SECONDS / NOTIFY_DIGEST_MINUTES). */
  notifyAfterSeconds: string;
  notifyDigestMinutes: string;
  /** One origin per line. */
  embedOrigins: string;
};

/** Numbers typed into inputs; blank means "none" (null in the API). */
const NUMBER_KEYS = new Set<keyof SettingsDraft>(['aiTemperature', 'notifyAfterSeconds', 'notifyDigestMinutes']);
const NULLABLE_NUMBER_KEYS = new Set<keyof SettingsDraft>(['notifyAfterSeconds', 'notifyDigestMinutes']);

/** The free texts, where blank means "none" (null in the API). */
const TEXT_KEYS = new Set<keyof SettingsDraft>(['aiSystemPrompt', 'welcomeMessage', 'offlineMessage', 'welcomeMessageIndonesian', 'offlineMessageIndonesian']);

export function toSettingsDraft(settings: Omit<ChatSettingsPayload, 'providers' | 'updatedAt' | 'mail'>): SettingsDraft {
  // Until the owner saves a list, the form shows the one the server's EMBED_ORIGINS gives.
  return {
    aiEnabled: settings.aiEnabled,
    aiProvider: settings.aiProvider,
    aiModel: settings.aiModel,
    aiTemperature: String(settings.aiTemperature),
    aiSystemPrompt: settings.aiSystemPrompt ?? '',
    welcomeMessage: settings.welcomeMessage ?? '',
    offlineMessage: settings.offlineMessage ?? '',
    welcomeMessageIndonesian: settings.welcomeMessageIndonesian ?? '',
    offlineMessageIndonesian: settings.offlineMessageIndonesian ?? '',
    notifyEnabled: settings.notifyEnabled,
    notifyOnlyHandovers: settings.notifyOnlyHandovers,
    ratingsEnabled: settings.ratingsEnabled,
    notifyAfterSeconds: settings.notifyAfterSeconds === null ? '' : String(settings.notifyAfterSeconds),
    notifyDigestMinutes: settings.notifyDigestMinutes === null ? '' : String(settings.notifyDigestMinutes),
    embedOrigins: (settings.embedOrigins ?? settings.embedOriginsFromEnvironment).join('\n'),
  };
}

/**
 * The fields of `draft` that differ from `saved`, as the API wants them. A
 * number that is not a number is sent as typed, so the server's field
 * error explains it (the one set of rules lives in the API's schema).
 */
export function settingsPatch(saved: SettingsDraft, draft: SettingsDraft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof SettingsDraft)[]) {
    if (draft[key] === saved[key]) continue;
    if (NUMBER_KEYS.has(key)) {
      const text = String(draft[key]).trim();
      if (text === '' && NULLABLE_NUMBER_KEYS.has(key)) patch[key] = null;
      else patch[key] = text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
    } else if (key === 'embedOrigins') {
      patch[key] = draft[key].split(/[\s,]+/).filter(Boolean);
    } else if (TEXT_KEYS.has(key)) {
      patch[key] = String(draft[key]).trim() === '' ? null : draft[key];
    } else {
      patch[key] = draft[key];
    }
  }
  return patch;
}
