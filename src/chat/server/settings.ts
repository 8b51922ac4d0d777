import { z } from 'zod';
import { listProviders, type ProviderInfo } from '@/ai/providers';
import { stopAutomaticReplies } from '@/ai/service';
import type { AdminSession } from '@/auth/server/session';
import { env } from '@/config/env';
import { getRepository } from '@/db';
import type { ChatSettings } from '@/db/repository/settings';
import { aiProviders } from '@/db/schema/types';
import { MAX_EMBED_ORIGINS, parseEmbedOrigins } from '@/embed/origins';
import { AppError } from '@/http/errors';
import { describeMailSetup, type MailSetup } from '@/notify/server/mail-setup';
import { publishAiSettingsChanged } from './events';
import { forgetChatSettings } from './settings-cache';

/*
 * The owner's chat settings (AI auto-reply, provider, welcome and offline
 * texts in English and Indonesian). The widget's session answer and the AI layer read them from
 * memory (settings-cache.ts); saving forgets that copy on every instance, so a change applies at once,
 * without a restart. The admin's own reads here go to the database.
 */

export const MAX_SETTINGS_TEXT_LENGTH = 2000;
export const MAX_SYSTEM_PROMPT_LENGTH = 4000;

/** Blank text means "none": the stored value becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => value || null)
    .nullable()
    .optional();

export const chatSettingsPatchSchema = z
  .object({
    aiEnabled: z.boolean('Must be true or false.').optional(),
    aiProvider: z.enum(aiProviders, `Choose one of: ${aiProviders.join(', ')}.`).optional(),
    aiModel: z
      .string()
      .trim()
      .min(1, 'Name the model.')
      .max(100, 'Use at most 100 characters.')
      .optional(),
    aiTemperature: z.number('Must be a number.').min(0, 'Must be at least 0.').max(2, 'Must be at most 2.').optional(),
    aiSystemPrompt: optionalText(MAX_SYSTEM_PROMPT_LENGTH),
    welcomeMessage: optionalText(MAX_SETTINGS_TEXT_LENGTH),
    offlineMessage: optionalText(MAX_SETTINGS_TEXT_LENGTH),
    welcomeMessageIndonesian: optionalText(MAX_SETTINGS_TEXT_LENGTH),
    offlineMessageIndonesian: optionalText(MAX_SETTINGS_TEXT_LENGTH),
    notifyEnabled: z.boolean('Must be true or false.').optional(),
    notifyOnlyHandovers: z.boolean('Must be true or false.').optional(),
    ratingsEnabled: z.boolean('Must be true or false.').optional(),
    // null: the server's NOTIFY_AFTER_SECONDS / NOTIFY_DIGEST_MINUTES.
    notifyAfterSeconds: z
      .number('Must be a number of seconds.')
      .int('Use whole seconds.')
      .min(0, 'Must be at least 0.')
      .max(86_400, 'Use at most 86400 seconds (a day).')
      .nullable()
      .optional(),
    notifyDigestMinutes: z
      .number('Must be a number of minutes.')
      .int('Use whole minutes.')
      .min(0, 'Must be at least 0.')
      .max(1_440, 'Use at most 1440 minutes (a day).')
      .nullable()
      .optional(),
    // null: the server's EMBED_ORIGINS. Each entry must be an origin alone (https://example.com).
    embedOrigins: z
      .array(z.string('Each site must be text.').max(300, 'Use at most 300 characters per site.'), 'Must be a list of sites.')
      .max(MAX_EMBED_ORIGINS, `List at most ${MAX_EMBED_ORIGINS} sites.`)
      .transform((entries, context) => {
        const { origins, errors } = parseEmbedOrigins(entries);
        for (const error of errors) context.addIssue({ code: 'custom', message: error });
        return origins;
      })
      .nullable()
      .optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'Change at least one setting.',
    path: ['_'],
  });
export type ChatSettingsPatchInput = z.infer<typeof chatSettingsPatchSchema>;

/**
 * The settings plus the providers this server can use (for the provider select and its hints), how its mail is
 * set up, and the embed allow-list EMBED_ORIGINS gives while `embedOrigins` is null.
 */
export type ChatSettingsPayload = Omit<ChatSettings, 'updatedAt'> & {
  updatedAt: string;
  providers: ProviderInfo[];
  mail: MailSetup;
  embedOriginsFromEnvironment: string[];
};

const toSettingsPayload = ({ updatedAt, ...settings }: ChatSettings): ChatSettingsPayload => ({
  ...settings,
  updatedAt: updatedAt.toISOString(),
  embedOriginsFromEnvironment: env.EMBED_ORIGINS,
  providers: listProviders(),
  mail: describeMailSetup(),
});

export async function readChatSettings(): Promise<ChatSettingsPayload> {
  return toSettingsPayload(await getRepository().getChatSettings());
}

/**
 * A provider the environment does not configure is refused. Switching
 * provider without naming a model picks that provider's default model, so an
 * OpenAI model name is never sent to, say, Ollama.
 */
async function withUsableProvider(patch: ChatSettingsPatchInput): Promise<ChatSettingsPatchInput> {
  if (patch.aiProvider === undefined) return patch;
  const provider = listProviders().find((candidate) => candidate.id === patch.aiProvider)!;
  if (!provider.available) {
    throw new AppError('bad_request:validation', {
      message: 'Some fields are not valid.',
      fields: { aiProvider: [provider.hint ?? 'This provider is not configured on the server.'] },
    });
  }
  if (patch.aiModel !== undefined) return patch;
  const current = await getRepository().getChatSettings();
  return current.aiProvider === provider.id ? patch : { ...patch, aiModel: provider.defaultModel };
}

/**
 * Saves the change, then tells every open admin tab (the AI switch flips
 * there live). Switching AI auto-reply off also stops the replies being
 * generated at that moment.
 */
export async function changeChatSettings(patch: ChatSettingsPatchInput, admin: AdminSession): Promise<ChatSettingsPayload> {
  const settings = await getRepository().updateChatSettings(await withUsableProvider(patch));
  await forgetChatSettings();
  if (patch.aiEnabled === false) stopAutomaticReplies();
  await publishAiSettingsChanged({ aiEnabled: settings.aiEnabled, changedBy: admin.name });
  return toSettingsPayload(settings);
}
