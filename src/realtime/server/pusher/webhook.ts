import { getRepository } from '@/db';
import { AppError } from '@/http/errors';
import { logSecurityEvent } from '@/logger';
import { parseInput } from '@/http/server/validation';
import { ADMIN_PRESENCE_CHANNEL, conversationIdOfChannel } from '../../channels';
import { webhookBatchSchema, type WebhookBatch } from './schemas';
import { forgetAdminsOnline } from './presence';
import { requirePusher } from './rest-publisher';

/**
 * How far a batch's `time_ms` may be from now. Pusher retries a failed
 * delivery for a few minutes; anything older is refused, and signatures are
 * remembered for this long so a batch within it is handled only once.
 */
export const WEBHOOK_REPLAY_WINDOW_MS = 5 * 60_000;

export type WebhookDelivery = { key: string | null; signature: string | null; contentType: string | null; rawBody: string; ip: string };

function refuse(delivery: WebhookDelivery, reason: string): never {
  logSecurityEvent('pusher webhook refused', { ip: delivery.ip, reason });
  throw new AppError('unauthorized:webhook', { message: 'The webhook is not signed by this app, or was already handled.' });
}

/**
 * Handles one batch from Pusher: its key and HMAC signature (constant-time,
 * by the pusher package) must be this app's, its time recent and its
 * signature unseen. Admin presence follows `member_added`/`member_removed`/
 * `channel_vacated` on the presence channel; a conversation channel falling
 * vacant is when its visitor was last seen there (an admin who stayed longer
 * makes that later than the visitor left: Pusher tells who joined presence
 * channels only, and visitors do not join one).
 */
export async function handleWebhook(delivery: WebhookDelivery): Promise<{ handled: number }> {
  const webhook = requirePusher().webhook({
    headers: { 'x-pusher-key': delivery.key, 'x-pusher-signature': delivery.signature, 'content-type': delivery.contentType },
    rawBody: delivery.rawBody,
  });
  if (!delivery.key || !delivery.signature || !webhook.isValid()) refuse(delivery, 'invalid key or signature');
  const batch = parseInput(webhookBatchSchema, webhook.getData());
  const now = Date.now();
  if (Math.abs(now - batch.time_ms) > WEBHOOK_REPLAY_WINDOW_MS) refuse(delivery, 'timestamp outside the replay window');
  const signature = delivery.signature.toLowerCase();
  const repository = getRepository();
  const firstDelivery = await repository.recordWebhookReceiptBySignature({
    signature,
    receivedAt: new Date(now),
    forgetBefore: new Date(now - 2 * WEBHOOK_REPLAY_WINDOW_MS),
  });
  if (!firstDelivery) refuse(delivery, 'replayed batch');
  try {
    return { handled: await applyEvents(batch) };
  } catch (error) {
    // Pusher retries a batch that did not get a 2xx answer: that retry must not be refused as a replay.
    await repository.forgetWebhookReceiptBySignature({ signature });
    throw error;
  }
}

/** Applies the events this app follows, in order; returns how many there were. */
async function applyEvents(batch: WebhookBatch): Promise<number> {
  const repository = getRepository();
  const at = new Date(batch.time_ms);
  let handled = 0;
  let presenceChanged = false;
  try {
    for (const event of batch.events) {
      if (event.channel === ADMIN_PRESENCE_CHANNEL) {
        if ((event.name === 'member_added' || event.name === 'member_removed') && event.user_id) {
          await repository.recordPresenceChangeByMember({ channel: event.channel, memberId: event.user_id, present: event.name === 'member_added', at });
          handled += 1;
          presenceChanged = true;
        } else if (event.name === 'channel_vacated') {
          await repository.markPresenceChannelVacatedByName({ channel: event.channel, at });
          handled += 1;
          presenceChanged = true;
        }
        continue;
      }
      const conversationId = conversationIdOfChannel(event.channel);
      if (conversationId !== null && event.name === 'channel_vacated') {
        await repository.touchConversationVisitorSeenById({ id: conversationId, at });
        handled += 1;
      }
    }
  } finally {
    // Whatever of the batch was recorded before a failure is what visitors must be told from now on.
    if (presenceChanged) await forgetAdminsOnline();
  }
  return handled;
}
