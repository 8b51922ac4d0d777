import type { OutgoingMail } from './mailer';

/**
 * What a claimed notification turns into when its time comes: the mail to
 * send (with the last message it shows, and what to do once it is sent), or
 * the reason it is no longer needed.
 */
export type PreparedMail =
  | { mail: OutgoingMail; upToMessageId: number | null; afterSent?: () => Promise<void> }
  | { skip: string };
