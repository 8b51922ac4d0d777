import { visitorLanguage } from '@/ai/language';
import { readCurrentChatSettings } from '@/chat/server/settings-cache';
import { env } from '@/config/env';
import { getRepository } from '@/db';
import type { Conversation, Message } from '@/db/repository/chat';
import type { Notification } from '@/db/repository/notifications';
import type { NotificationKind } from '@/db/schema/types';
import { isMailConfigured } from './mailer';
import type { PreparedMail } from './prepared-mail';
import { isHandover, ownerMail, ownerSummaryMail } from './templates';
import { notificationTiming, publicLink } from './timing';

/*
 * The owner's mails. An event writes (at most) one pending row per
 * conversation, due after the delay; the messages are read when the row is
 * sent, so a burst of them is one mail, and a conversation an admin read in
 * the meantime is no mail at all. After a mail, the conversation's next
 * messages wait for the end of the digest window, in one follow-up.
 */

const OWNER_CONVERSATION_KINDS: NotificationKind[] = ['owner_messages', 'owner_handover'];
const HOUR_MS = 60 * 60 * 1000;
const TRANSCRIPT_LIMIT = 50;
/** Kept as the skipped rows' reason; the summary mail counts the conversations skipped with it. */
const HOURLY_LIMIT_REASON = 'NOTIFY_MAX_PER_HOUR reached: counted in the summary mail instead';
const SUMMARY_DEDUPE_KEY = 'owner-summary';

const ownerDedupeKey = (conversationId: string) => `owner:${conversationId}`;

async function queueOwnerMail(conversationId: string, dueAt: Date) {
  await getRepository().createNotification({ kind: 'owner_messages', conversationId, dedupeKey: ownerDedupeKey(conversationId), dueAt });
}

/** When the conversation's next mail may go: after the delay, and not before the digest window of its last mail ends. */
async function nextOwnerMailDue(conversationId: string, now: Date): Promise<Date> {
  const { afterMs, digestMs } = notificationTiming(await readCurrentChatSettings());
  const last = await getRepository().getLatestSentNotificationByConversation({ conversationId, kinds: OWNER_CONVERSATION_KINDS });
  const digestEnds = last?.sentAt ? last.sentAt.getTime() + digestMs : 0;
  return new Date(Math.max(now.getTime() + afterMs, digestEnds));
}

/** A visitor's message was stored. */
export async function noteVisitorMessage(conversation: Conversation): Promise<void> {
  if (!isMailConfigured()) return;
  const settings = await readCurrentChatSettings();
  if (!settings.notifyEnabled || settings.notifyOnlyHandovers) return;
  await queueOwnerMail(conversation.id, await nextOwnerMailDue(conversation.id, new Date()));
}

/** The assistant handed the conversation over: the owner hears of it now, whoever is online. */
export async function noteHandover(conversation: Conversation): Promise<void> {
  if (!isMailConfigured()) return;
  const settings = await readCurrentChatSettings();
  if (!settings.notifyEnabled) return;
  const repository = getRepository();
  const dedupeKey = ownerDedupeKey(conversation.id);
  const now = new Date();
  const { created } = await repository.createNotification({ kind: 'owner_handover', conversationId: conversation.id, dedupeKey, dueAt: now });
  // A mail about the conversation's messages was already waiting: it becomes the hand-over mail, sent now.
  if (!created) await repository.hastenPendingNotificationByDedupeKey({ dedupeKey, kind: 'owner_handover', dueAt: now });
}

async function ownerAddress(): Promise<string | null> {
  return env.NOTIFY_EMAIL ?? (await getRepository().getFirstUserEmail());
}

/** A conversation assigned to an admin is mailed to that admin; any other to the owner's address. */
async function conversationAddress(assignedAdminId: number | null): Promise<string | null> {
  const assignee = assignedAdminId ? await getRepository().getUserById({ id: assignedAdminId }) : null;
  return assignee?.email ?? ownerAddress();
}

/** Past NOTIFY_MAX_PER_HOUR this mail is not sent; one summary, at the end of the hour, counts it with the others. */
async function overHourlyLimit(now: Date): Promise<boolean> {
  const repository = getRepository();
  const sent = await repository.countSentNotificationsSince({ kinds: OWNER_CONVERSATION_KINDS, since: new Date(now.getTime() - HOUR_MS) });
  if (sent < env.NOTIFY_MAX_PER_HOUR) return false;
  await repository.createNotification({ kind: 'owner_summary', conversationId: null, dedupeKey: SUMMARY_DEDUPE_KEY, dueAt: new Date(now.getTime() + HOUR_MS) });
  return true;
}

export async function prepareOwnerConversationMail(row: Notification): Promise<PreparedMail> {
  const repository = getRepository();
  const settings = await readCurrentChatSettings();
  if (!settings.notifyEnabled) return { skip: 'notifications are switched off in the chat settings' };
  if (row.kind === 'owner_messages' && settings.notifyOnlyHandovers) return { skip: 'only hand-overs are mailed' };
  const conversationId = row.conversationId!;
  const [details, last] = await Promise.all([
    repository.getConversationDetailsById({ id: conversationId }),
    repository.getLatestSentNotificationByConversation({ conversationId, kinds: OWNER_CONVERSATION_KINDS }),
  ]);
  if (!details) return { skip: 'the conversation no longer exists' };
  const to = await conversationAddress(details.assignedAdminId);
  if (!to) return { skip: 'no recipient: set NOTIFY_EMAIL or create an admin' };
  const followUp = last?.upToMessageId != null;
  const page = followUp
    ? await repository.listMessagesByConversationId({ conversationId, after: last.upToMessageId!, limit: TRANSCRIPT_LIMIT })
    : await repository.listMessagesByConversationId({ conversationId, limit: TRANSCRIPT_LIMIT });
  const { messages } = page;
  const unread = messages.filter((message) => message.senderType === 'visitor' && message.status !== 'read');
  if (row.kind === 'owner_messages' && unread.length === 0) return { skip: 'an admin read the messages in time' };
  if (row.kind === 'owner_handover' && !messages.some(isHandover)) return { skip: 'the hand-over was already mailed' };
  if (await overHourlyLimit(new Date())) return { skip: HOURLY_LIMIT_REASON };
  const visitorTexts = messages.filter((message) => message.senderType === 'visitor').map((message) => message.content);
  const upToMessageId = messages.at(-1)?.id ?? last?.upToMessageId ?? null;
  return {
    mail: ownerMail(to, {
      conversation: details,
      messages,
      followUp,
      pageUrl: details.visitor?.pageUrl ?? null,
      language: visitorLanguage(visitorTexts.reverse()) === 'id' ? 'Indonesian' : 'English',
      inboxUrl: publicLink(`/admin/chat?c=${encodeURIComponent(conversationId)}`),
    }),
    upToMessageId,
    afterSent: () => followNewerMessages(conversationId, upToMessageId),
  };
}

/**
 * A visitor message or a hand-over stored while this mail was being sent
 * found the row still pending and wrote none of its own: it gets its mail now.
 */
async function followNewerMessages(conversationId: string, upToMessageId: number | null) {
  if (upToMessageId === null) return;
  const repository = getRepository();
  const { messages } = await repository.listMessagesByConversationId({ conversationId, after: upToMessageId, limit: TRANSCRIPT_LIMIT });
  if (messages.some(isHandover)) {
    await repository.createNotification({ kind: 'owner_handover', conversationId, dedupeKey: ownerDedupeKey(conversationId), dueAt: new Date() });
  } else if (messages.some((message: Message) => message.senderType === 'visitor')) {
    await queueOwnerMail(conversationId, await nextOwnerMailDue(conversationId, new Date()));
  }
}

export async function prepareOwnerSummaryMail(row: Notification): Promise<PreparedMail> {
  const repository = getRepository();
  const to = await ownerAddress();
  if (!to) return { skip: 'no recipient: set NOTIFY_EMAIL or create an admin' };
  const waiting = await repository.listConversationIdsSkippedSince({ since: new Date(row.createdAt.getTime() - HOUR_MS), reason: HOURLY_LIMIT_REASON });
  if (waiting.length === 0) return { skip: 'no conversation was held back' };
  return {
    mail: ownerSummaryMail(to, { waiting: waiting.length, inboxUrl: publicLink('/admin/chat'), maxPerHour: env.NOTIFY_MAX_PER_HOUR }),
    upToMessageId: null,
  };
}
