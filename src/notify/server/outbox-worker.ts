import { randomUUID } from 'node:crypto';
import { env } from '@/config/env';
import { getRepository } from '@/db';
import type { Notification } from '@/db/repository/notifications';
import { logger } from '@/logger';
import { sendMail } from './mailer';
import { prepareOwnerConversationMail, prepareOwnerSummaryMail } from './owner-notifications';
import type { PreparedMail } from './prepared-mail';
import { prepareVisitorReplyMail } from './visitor-notifications';

/*
 * Sends what the outbox holds. Every instance runs one; each row is claimed
 * in the database before it is prepared and sent, so exactly one instance
 * sends it. A claim is a lease: if its holder dies, the row becomes
 * claimable again when the lease runs out, and is sent then. A refused send
 * waits NOTIFY_RETRY_SECONDS[attempt] and is tried again; after the last
 * wait it is marked failed with the SMTP error kept.
 */

const POLL_MS = 1_000;
/** Longer than the mailer's timeouts together, so a slow send keeps its claim to the end. */
const LEASE_MS = 2 * 60_000;
const BATCH = 10;

const preparers: Record<Notification['kind'], (row: Notification) => Promise<PreparedMail>> = {
  owner_messages: prepareOwnerConversationMail,
  owner_handover: prepareOwnerConversationMail,
  owner_summary: prepareOwnerSummaryMail,
  visitor_reply: prepareVisitorReplyMail,
};

async function deliver(row: Notification, token: string): Promise<void> {
  const repository = getRepository();
  const prepared = await preparers[row.kind](row);
  if ('skip' in prepared) {
    await repository.finishNotificationByClaim({ id: row.id, token, status: 'skipped', lastError: prepared.skip });
    logger.info({ notificationId: row.id, kind: row.kind, reason: prepared.skip }, 'notification not needed');
    return;
  }
  const result = await sendMail(prepared.mail);
  const attempts = row.attempts + 1;
  if (result.ok) {
    await repository.finishNotificationByClaim({
      id: row.id,
      token,
      status: 'sent',
      attempts,
      recipient: prepared.mail.to,
      upToMessageId: prepared.upToMessageId,
      sentAt: new Date(),
      lastError: null,
    });
    logger.info({ notificationId: row.id, kind: row.kind, attempts }, 'notification sent');
    await prepared.afterSent?.();
    return;
  }
  const wait = env.NOTIFY_RETRY_SECONDS[row.attempts];
  if (wait === undefined) {
    await repository.finishNotificationByClaim({ id: row.id, token, status: 'failed', attempts, recipient: prepared.mail.to, lastError: result.error });
    logger.error({ notificationId: row.id, kind: row.kind, attempts, error: result.error }, 'notification failed for good');
    return;
  }
  await repository.retryNotificationByClaim({ id: row.id, token, attempts, dueAt: new Date(Date.now() + wait * 1000), lastError: result.error });
  logger.warn({ notificationId: row.id, kind: row.kind, attempts, retryInSeconds: wait, error: result.error }, 'notification not sent; will retry');
}

async function sendDue(isStopping: () => boolean): Promise<void> {
  const repository = getRepository();
  const ids = await repository.listClaimableNotificationIds({ now: new Date(), limit: BATCH });
  for (const id of ids) {
    if (isStopping()) return;
    const token = randomUUID();
    const row = await repository.claimNotificationById({ id, token, now: new Date(), leaseMs: LEASE_MS });
    // Another instance claimed it first.
    if (!row) continue;
    try {
      await deliver(row, token);
    } catch (error) {
      // The claim stays until its lease runs out; then the row is tried again, here or elsewhere.
      logger.error({ err: error, notificationId: id }, 'notification could not be processed');
    }
  }
}

export type OutboxWorker = { stop(): Promise<void> };

/** Polls the outbox until stopped; `stop` lets the mail being sent finish (its claim is then released by its own write). */
export function startOutboxWorker(): OutboxWorker {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = sendDue(() => stopping)
      .catch((error: unknown) => logger.error({ err: error }, 'outbox: polling failed'))
      .finally(() => {
        if (!stopping) timer = setTimeout(tick, POLL_MS);
      });
  };
  timer = setTimeout(tick, 0);
  logger.info('e-mail notifications on: outbox worker started');
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
