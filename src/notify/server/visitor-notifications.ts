import { visitorLanguage } from '@/ai/language';
import { limitNewSessions } from '@/chat/server/limits';
import { openSessionOnConversation, type SessionOrigin } from '@/chat/server/visitor-session';
import { readCurrentChatSettings } from '@/chat/server/settings-cache';
import { getRepository } from '@/db';
import type { Conversation } from '@/db/repository/chat';
import type { Notification } from '@/db/repository/notifications';
import { AppError } from '@/http/errors';
import { readPublishedPortfolio } from '@/portfolio/server/portfolio-cache';
import { signResumeToken, signUnsubscribeToken, verifyResumeToken, verifyUnsubscribeToken } from './links';
import { isMailConfigured } from './mailer';
import type { PreparedMail } from './prepared-mail';
import { visitorReplyMail } from './templates';
import { notificationTiming, publicLink } from './timing';

/*
 * "Continue over e-mail": the owner's reply reaches a visitor who left an
 * address and did not read it within the delay. Nobody confirmed that
 * address, so until the visitor is seen again (in the chat, or through the
 * mail's link) it gets one mail at most: a typed stranger's address cannot
 * be flooded.
 */

const visitorDedupeKey = (conversationId: string) => `visitor:${conversationId}`;

/** The owner replied in a conversation. */
export async function noteOwnerReply(conversation: Conversation): Promise<void> {
  if (!isMailConfigured() || !conversation.visitorEmail) return;
  const repository = getRepository();
  if (await repository.isEmailUnsubscribed({ conversationId: conversation.id, email: conversation.visitorEmail })) return;
  const { afterMs } = notificationTiming(await readCurrentChatSettings());
  await repository.createNotification({
    kind: 'visitor_reply',
    conversationId: conversation.id,
    dedupeKey: visitorDedupeKey(conversation.id),
    dueAt: new Date(Date.now() + afterMs),
  });
}

export async function prepareVisitorReplyMail(row: Notification): Promise<PreparedMail> {
  const repository = getRepository();
  const conversationId = row.conversationId!;
  const conversation = await repository.getConversationById({ id: conversationId });
  const to = conversation?.visitorEmail;
  if (!conversation || !to) return { skip: 'the visitor left no e-mail address' };
  if (conversation.status === 'closed') return { skip: 'the conversation is closed' };
  if (await repository.isEmailUnsubscribed({ conversationId, email: to })) return { skip: 'the visitor unsubscribed' };
  const seenAt = conversation.visitorLastSeenAt ?? new Date(0);
  if ((await repository.countSentNotificationsSince({ kinds: ['visitor_reply'], conversationId, since: seenAt })) > 0) {
    return { skip: 'already mailed once since the visitor was last seen' };
  }
  const { messages } = await repository.listMessagesByConversationId({ conversationId, limit: 50 });
  const replies = messages.filter((message) => message.senderType === 'admin' && message.status !== 'read' && message.createdAt > seenAt);
  if (replies.length === 0) return { skip: 'the visitor has seen the reply' };
  const { portfolio } = await readPublishedPortfolio();
  const visitorTexts = messages.filter((message) => message.senderType === 'visitor').map((message) => message.content);
  return {
    mail: visitorReplyMail(to, {
      ownerName: portfolio.about?.name ?? 'The site owner',
      replies,
      language: visitorLanguage(visitorTexts.reverse()),
      resumeUrl: publicLink(`/chat?resume=${await signResumeToken(conversationId)}`),
      unsubscribeUrl: publicLink(`/api/chat/unsubscribe?token=${await signUnsubscribeToken(conversationId, to)}`),
    }),
    upToMessageId: replies.at(-1)!.id,
  };
}

const badLink = () =>
  new AppError('bad_request:link', { message: 'This link has expired or is not valid. Open the chat on the site to write again.' });

/** A resume link followed: a new visitor session, bound to the link's conversation. */
export async function resumeConversationFromLink(token: string, origin: SessionOrigin): Promise<{ sessionToken: string; conversationId: string; expiresAt: string }> {
  // The link may be opened again and again for 30 days: each use is a new session, limited like any other.
  await limitNewSessions(origin.ip);
  const conversationId = await verifyResumeToken(token);
  const conversation = conversationId ? await getRepository().getConversationById({ id: conversationId }) : null;
  if (!conversation || conversation.status === 'closed') throw badLink();
  return openSessionOnConversation(conversation, origin);
}

/** One click in the mail (or the mail client's List-Unsubscribe-Post): no more mails about this conversation to this address. */
export async function unsubscribeFromLink(token: string): Promise<{ conversationId: string }> {
  const claims = await verifyUnsubscribeToken(token);
  if (!claims) throw badLink();
  await getRepository().createEmailUnsubscribe(claims);
  return { conversationId: claims.conversationId };
}
