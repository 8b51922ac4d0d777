import { env } from '@/config/env';
import type { ChatSettings } from '@/db/repository/settings';

/** The owner's timings from the settings page, or the environment's defaults where the owner set none. */
export function notificationTiming(settings: Pick<ChatSettings, 'notifyAfterSeconds' | 'notifyDigestMinutes'>) {
  return {
    afterMs: (settings.notifyAfterSeconds ?? env.NOTIFY_AFTER_SECONDS) * 1000,
    digestMs: (settings.notifyDigestMinutes ?? env.NOTIFY_DIGEST_MINUTES) * 60_000,
  };
}

/** A link on this site for a mail, or null without PUBLIC_URL (the mail then says where to set it). */
export function publicLink(pathAndQuery: string): string | null {
  return env.PUBLIC_URL ? new URL(pathAndQuery, env.PUBLIC_URL).toString() : null;
}
