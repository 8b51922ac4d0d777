import { env } from '@/config/env';
import { getRepository } from '@/db';
import type { NotificationKind } from '@/db/schema/types';
import { isMailConfigured, mailSender, sendMail } from './mailer';
import { escapeHtml } from './templates';

/*
 * What the settings page shows about e-mail: whether it is on and how to
 * turn it on, where mail goes, the test mail, and the notifications that ran
 * out of attempts with the SMTP server's error.
 */

export type MailSetup = {
  configured: boolean;
  /** NOTIFY_EMAIL, or null when the first admin's address is used. */
  notifyEmail: string | null;
  sender: string;
  publicUrlConfigured: boolean;
  defaultAfterSeconds: number;
  defaultDigestMinutes: number;
  maxPerHour: number;
};

export function describeMailSetup(): MailSetup {
  return {
    configured: isMailConfigured(),
    notifyEmail: env.NOTIFY_EMAIL ?? null,
    sender: mailSender(),
    publicUrlConfigured: Boolean(env.PUBLIC_URL),
    defaultAfterSeconds: env.NOTIFY_AFTER_SECONDS,
    defaultDigestMinutes: env.NOTIFY_DIGEST_MINUTES,
    maxPerHour: env.NOTIFY_MAX_PER_HOUR,
  };
}

export type FailedNotification = { id: number; kind: NotificationKind; recipient: string | null; error: string; attempts: number; failedAt: string };

const FAILED_SHOWN = 20;

export async function listFailedNotifications(): Promise<FailedNotification[]> {
  const rows = await getRepository().listFailedNotifications({ limit: FAILED_SHOWN });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    error: row.lastError ?? 'unknown error',
    attempts: row.attempts,
    failedAt: row.updatedAt.toISOString(),
  }));
}

export type TestMailResult = { sent: true; to: string; response: string } | { sent: false; to: string | null; error: string };

/** Sends a mail now, outside the outbox, to where the owner's notifications go, and reports what the SMTP server said. */
export async function sendTestMail(): Promise<TestMailResult> {
  const to = env.NOTIFY_EMAIL ?? (await getRepository().getFirstUserEmail());
  if (!to) return { sent: false, to: null, error: 'There is no address to send to: set NOTIFY_EMAIL or create an admin.' };
  const text = `This is a test from Tanya's chat settings. Notifications will come from ${mailSender()} to this address.`;
  const result = await sendMail({ to, subject: 'Tanya: test e-mail', text, html: `<p>${escapeHtml(text)}</p>` });
  return result.ok ? { sent: true, to, response: result.response } : { sent: false, to, error: result.error };
}
