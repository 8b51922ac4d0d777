import { randomUUID } from 'node:crypto';
import { moodOf } from '@/ai/mood';
import { scheduleAutoReply, stopRepliesInConversation } from '@/ai/service';
import { getRepository } from '@/db';
import type { ChatParticipant, Conversation, ConversationCursor, NewMessage } from '@/db/repository/chat';
import { chatLanguages, type ChatLanguage } from '@/db/schema/types';
import { readEmbedOrigins } from '@/embed/server/allow-list';
import { publishedQa, type PortfolioDocument } from '@/portfolio/schema';
import { AppError } from '@/http/errors';
import { logSecurityEvent } from '@/logger';
import type { AdminSession } from '@/auth/server/session';
import type { ChatActor } from './actor';
import { enforceLimits, limitNewSessions, messagesPerIp, messagesPerSession } from './limits';
import { storablePageUrl } from './page-url';
import { checkHoneypot, passBotGate } from './bot-gate';
import {
  publishConversationUpdated,
  publishMessagesDelivered,
  publishMessagesRead,
  publishNewMessage,
  toConversationDetailsPayload,
  toConversationListPayload,
  toConversationPayload,
  toMessagePayload,
  toVisitorMessagePayload,
} from './events';
import type { ConversationPatch, ConversationsQuery, DeliveredInput, MessagesQuery, RatingInput, ReadInput, SendInput, SessionInput } from './schemas';
import type { RatingState } from '@/chat/ratings';
import { readPublishedPortfolio } from '@/portfolio/server/portfolio-cache';
import { readCurrentChatSettings } from './settings-cache';
import {
  findVisitorSession,
  forgetVisitorSession,
  hashSessionToken,
  sessionExpiryFrom,
  sessionOriginColumns,
  visitorSessionBoundTo,
} from './visitor-session';

const conversationNotFound = () => new AppError('not_found:conversation', { message: 'Conversation not found.' });

/** A caller-supplied id as it goes into a security log: any string, so capped. */
const loggedId = (conversationId: string) => conversationId.slice(0, 64);

// ── Sessions ──────────────────────────────────────────────────────────────

/**
 * The visitor's language: the widget's own (`locale`, which follows the
 * browser's languages until the visitor picks one), else the first language
 * we speak in the request's Accept-Language, else English.
 */
export function visitorLanguage(locale: ChatLanguage | null | undefined, acceptLanguage: string | null): ChatLanguage {
  if (locale) return locale;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { base: tag.toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return preferred.map((entry) => chatLanguages.find((language) => language === entry.base)).find((found) => found !== undefined) ?? 'en';
}

/** Published Q&A questions the chat offers before the visitor types: the visitor's language first, then pairs written for any. */
const MAX_SUGGESTED_QUESTIONS = 3;

function suggestedQuestions(portfolio: Pick<PortfolioDocument, 'qa'>, language: ChatLanguage): string[] {
  const published = publishedQa(portfolio);
  return [...published.filter((entry) => entry.language === language), ...published.filter((entry) => entry.language === undefined)]
    .slice(0, MAX_SUGGESTED_QUESTIONS)
    .map((entry) => entry.question);
}

/**
 * Resumes the visitor's live session (sliding its expiry) or starts a new
 * one. A missing, malformed, unknown or expired token is not an error: the
 * visitor simply gets a fresh session. Only fresh sessions count against the
 * per-IP limit and pass the bot gate.
 */
export async function startVisitorSession(
  input: SessionInput & { ip: string; userAgent: string | null; host: string | null; acceptLanguage: string | null },
) {
  checkHoneypot(input.website, input.ip);
  const repository = getRepository();
  const now = new Date();
  const expiresAt = sessionExpiryFrom(now);
  const [settings, { portfolio }, embedOrigins] = await Promise.all([readCurrentChatSettings(), readPublishedPortfolio(), readEmbedOrigins()]);
  const pageUrl = storablePageUrl(input.pageUrl, input.host, embedOrigins);
  const ownerName = portfolio.about?.name ?? null;
  const locale = visitorLanguage(input.locale, input.acceptLanguage);
  const indonesian = locale === 'id';
  // What the widget shows before anyone answers, in the visitor's language: greeting, who answers, what to say when nobody can.
  const greeting = {
    locale,
    welcomeMessage: indonesian ? settings.welcomeMessageIndonesian : settings.welcomeMessage,
    offlineMessage: indonesian ? settings.offlineMessageIndonesian : settings.offlineMessage,
    aiEnabled: settings.aiEnabled,
    ratingsEnabled: settings.ratingsEnabled,
    ownerName,
    suggestedQuestions: suggestedQuestions(portfolio, locale),
  };

  const live = await findVisitorSession(input.sessionToken);
  if (live && input.sessionToken) {
    await repository.touchChatSessionById({ id: live.id, expiresAt, pageUrl, now });
    await forgetVisitorSession(live);
    const conversation = live.conversationId ? await repository.getConversationById({ id: live.conversationId }) : null;
    const open = conversation && conversation.status !== 'closed' ? conversation : null;
    return {
      sessionToken: input.sessionToken,
      conversationId: open?.id ?? null,
      ratingState: open ? ratingStateOf(open) : null,
      expiresAt: expiresAt.toISOString(),
      ...greeting,
    };
  }

  await limitNewSessions(input.ip);
  await passBotGate({ proof: input.botGate, ip: input.ip });
  const sessionToken = randomUUID();
  const session = await repository.createChatSession({
    tokenHash: hashSessionToken(sessionToken),
    visitorId: randomUUID(),
    expiresAt,
    ...sessionOriginColumns(input),
    pageUrl: pageUrl ?? null,
  });
  return {
    sessionToken,
    conversationId: null,
    ratingState: null,
    expiresAt: session.expiresAt.toISOString(),
    ...greeting,
  };
}

const ratingStateOf = (conversation: Conversation): RatingState => {
  const { status, resolvedAt, ratedAt } = toConversationPayload(conversation);
  return { status, resolvedAt, ratedAt };
};

// ── Access ────────────────────────────────────────────────────────────────

/**
 * The conversation `actor` may see: any for the admin, only the one bound to
 * its own session for a visitor. Anything else is the same 404 as a
 * conversation that does not exist, so ids cannot be probed.
 */
export async function getAccessibleConversation(actor: ChatActor, conversationId: string): Promise<Conversation> {
  if (actor.kind === 'visitor' && !(await visitorSessionBoundTo(actor.session, conversationId))) {
    logSecurityEvent('chat conversation access refused', { ip: actor.ip, sessionId: actor.session.id, conversationId: loggedId(conversationId) });
    throw conversationNotFound();
  }
  const conversation = await getRepository().getConversationById({ id: conversationId });
  if (!conversation) throw conversationNotFound();
  return conversation;
}

const participantOf = (actor: ChatActor): ChatParticipant => (actor.kind === 'visitor' ? 'visitor' : 'admin');

// ── Messages ──────────────────────────────────────────────────────────────

/**
 * Stores one message and only then tells the clients. A visitor always
 * writes into its own session's open conversation (created on the first
 * message, replaced when closed); a `conversationId` naming any other
 * conversation is refused with 404 and moves nothing. An admin names the
 * conversation and, by writing, takes it over from the AI.
 */
export async function sendMessage(actor: ChatActor, input: SendInput) {
  return actor.kind === 'visitor' ? sendAsVisitor(actor, input) : sendAsAdmin(actor, input);
}

/**
 * The image a message carries: an upload to this very conversation, not sent
 * yet (a retry of the message that sent it, by its clientMessageId, is let
 * through to be answered with that message).
 */
async function imageOfMessage(input: SendInput, conversationId: string): Promise<Pick<NewMessage, 'uploadId' | 'metadata'>> {
  if (!input.uploadId) return {};
  const repository = getRepository();
  const upload = await repository.getUploadById({ id: input.uploadId });
  if (!upload || upload.conversationId !== conversationId) {
    throw new AppError('not_found:upload', { message: 'That image was not uploaded to this conversation. Upload it again.' });
  }
  const retry = input.clientMessageId !== undefined && upload.sentBy?.clientMessageId === input.clientMessageId;
  if (upload.sentBy && !retry) throw new AppError('conflict:upload', { message: 'This image was sent already.' });
  return { uploadId: upload.id, metadata: { image: { id: upload.id, width: upload.width, height: upload.height } } };
}

async function sendAsVisitor(actor: Extract<ChatActor, { kind: 'visitor' }>, input: SendInput) {
  const repository = getRepository();
  const { session } = actor;
  if (input.conversationId !== undefined && !(await visitorSessionBoundTo(session, input.conversationId))) {
    logSecurityEvent('chat send into foreign conversation refused', {
      ip: actor.ip,
      sessionId: session.id,
      conversationId: loggedId(input.conversationId),
    });
    throw conversationNotFound();
  }
  await enforceLimits(
    [
      { limit: messagesPerSession, key: String(session.id) },
      { limit: messagesPerIp, key: actor.ip },
    ],
    { code: 'rate_limit:message', ip: actor.ip, message: 'You are sending messages too quickly. Try again shortly.' },
  );

  const opened = await repository.getOrCreateOpenConversationBySessionId({
    sessionId: session.id,
    visitorName: input.visitorName,
    visitorEmail: input.visitorEmail,
  });
  const { created } = opened;
  // The session now names its new conversation: the cached copies everywhere still name the old one (or none).
  if (created) await forgetVisitorSession(session);
  let { conversation } = opened;
  let updated = false;
  if (!created) {
    const renamed =
      (input.visitorName !== undefined && input.visitorName !== conversation.visitorName) ||
      (input.visitorEmail !== undefined && input.visitorEmail !== conversation.visitorEmail);
    if (renamed) {
      conversation =
        (await repository.updateConversationVisitorById({
          id: conversation.id,
          visitorName: input.visitorName,
          visitorEmail: input.visitorEmail,
        })) ?? conversation;
      updated = true;
    }
    // A visitor writing again reopens a conversation the owner had marked resolved.
    if (conversation.status === 'resolved') {
      conversation = (await repository.updateConversationById({ id: conversation.id, status: 'active' })) ?? conversation;
      updated = true;
    }
  }

  const { message, duplicate } = await repository.createMessage({
    conversationId: conversation.id,
    senderType: 'visitor',
    content: input.content,
    clientMessageId: input.clientMessageId,
    ...(await imageOfMessage(input, conversation.id)),
  });
  // Marked once, by the first message that reads upset or urgent: the reply job hands that message to the owner.
  const mood = duplicate || conversation.mood ? null : moodOf(message.content);
  if (mood) {
    const marked = await repository.markConversationMoodById({ id: conversation.id, mood });
    if (marked) {
      conversation = marked;
      updated = true;
    }
  }
  if (updated) await publishConversationUpdated(conversation);
  if (!duplicate) await publishNewMessage({ conversation, message, conversationCreated: created });
  const aiResponsePending = await scheduleAutoReply({ conversation, message, duplicate });
  return { message: { ...toVisitorMessagePayload(message), aiResponsePending }, duplicate };
}

async function sendAsAdmin(actor: Extract<ChatActor, { kind: 'admin' }>, input: SendInput) {
  const repository = getRepository();
  if (input.conversationId === undefined) {
    throw new AppError('bad_request:validation', {
      message: 'Some fields are not valid.',
      fields: { conversationId: ['Choose the conversation to answer.'] },
    });
  }
  const before = await getAccessibleConversation(actor, input.conversationId);
  // The visitor of a closed conversation never sees new messages in it (their next message opens a new one).
  if (before.status === 'closed') {
    throw new AppError('conflict:conversation', { message: 'This conversation is closed. Reopen it to reply.' });
  }
  // The owner answering takes the conversation over from the AI, in the same transaction as the message,
  // so an AI reply being generated meanwhile can no longer be stored after it.
  const { message, duplicate } = await repository.createMessage({
    conversationId: before.id,
    senderType: 'admin',
    senderId: actor.admin.userId,
    content: input.content,
    clientMessageId: input.clientMessageId,
    conversationPatch: { isAiHandled: false, needsHuman: false },
    ...(await imageOfMessage(input, before.id)),
  });
  stopRepliesInConversation(before.id);
  const conversation = (await repository.getConversationById({ id: before.id })) ?? before;
  if (!duplicate) await publishNewMessage({ conversation, message, conversationCreated: false });
  if (before.isAiHandled !== conversation.isAiHandled || before.needsHuman !== conversation.needsHuman) {
    await publishConversationUpdated(conversation);
  }
  return { message: { ...toMessagePayload(message), aiResponsePending: false }, duplicate };
}

export async function listMessages(actor: ChatActor, query: MessagesQuery) {
  const conversation = await getAccessibleConversation(actor, query.conversationId);
  const page = await getRepository().listMessagesByConversationId({
    conversationId: conversation.id,
    limit: query.limit,
    ...(query.before !== undefined ? { before: query.before } : {}),
    ...(query.after !== undefined ? { after: query.after } : {}),
  });
  const toPayload = actor.kind === 'visitor' ? toVisitorMessagePayload : toMessagePayload;
  return { messages: page.messages.map(toPayload), hasMore: page.hasMore, nextCursor: page.nextCursor };
}

/** The caller has read the other side's messages up to `upToMessageId`. */
export async function markRead(actor: ChatActor, input: ReadInput) {
  const conversation = await getAccessibleConversation(actor, input.conversationId);
  const readBy = participantOf(actor);
  const { ids, readAt } = await getRepository().markMessagesReadByConversationId({
    conversationId: conversation.id,
    reader: readBy,
    upToMessageId: input.upToMessageId,
  });
  await publishMessagesRead({ conversationId: conversation.id, messageIds: ids, readBy, readAt });
  return { conversationId: conversation.id, messageIds: ids, readBy, readAt: readAt.toISOString() };
}

/**
 * The caller's client received these messages of the other side (the HTTP
 * form of the Socket.IO acknowledgement, for transports without server acks).
 */
export async function markDelivered(actor: ChatActor, input: DeliveredInput) {
  const conversation = await getAccessibleConversation(actor, input.conversationId);
  const messageIds = await getRepository().markMessagesDeliveredByIds({
    conversationId: conversation.id,
    recipient: participantOf(actor),
    ids: input.messageIds,
  });
  await publishMessagesDelivered({ conversationId: conversation.id, messageIds });
  return { conversationId: conversation.id, messageIds };
}

// ── Admin inbox ───────────────────────────────────────────────────────────

/**
 * Changes stored while a listing ran may carry a timestamp a little older
 * than the moment they commit: `syncedAt` starts this far back, so the next
 * "changed since" asks again about them (the client applies a row twice at worst).
 */
const SYNC_OVERLAP_MS = 5_000;

const cursorString = (cursor: ConversationCursor | null) => (cursor ? `${cursor.at.getTime()}-${cursor.id}` : null);

/**
 * The admin inbox, three ways: a numbered page (older clients), the page
 * after a cursor (keyset: nothing skipped while messages arrive), or
 * everything changed since a client's last `syncedAt` (a reconnect's resync).
 */
export async function listConversations(query: ConversationsQuery, admin: Pick<AdminSession, 'userId'>) {
  const repository = getRepository();
  const syncedAt = new Date(Date.now() - SYNC_OVERLAP_MS).toISOString();
  const assignedTo = query.assigned === 'mine' ? admin.userId : query.assigned === 'unassigned' ? null : undefined;
  const filter = { status: query.status, q: query.q || undefined, assignedTo, limit: query.limit };
  if (query.changedSince) {
    const changed = await repository.listConversationsChangedSince({ since: query.changedSince, cursor: query.cursor, limit: query.limit });
    return { conversations: changed.conversations.map(toConversationListPayload), nextCursor: cursorString(changed.nextCursor), syncedAt };
  }
  if (query.cursor) {
    const next = await repository.listConversationsByFilterAfterCursor({ ...filter, cursor: query.cursor });
    return { conversations: next.conversations.map(toConversationListPayload), nextCursor: cursorString(next.nextCursor), syncedAt };
  }
  const page = await repository.listConversationsByFilter({ ...filter, page: query.page ?? 1 });
  return {
    conversations: page.conversations.map(toConversationListPayload),
    pagination: page.pagination,
    nextCursor: cursorString(page.nextCursor),
    syncedAt,
  };
}

/** One conversation with its visitor's details, for the admin's conversation panel. */
export async function getConversationDetails(id: string) {
  const details = await getRepository().getConversationDetailsById({ id });
  if (!details) throw conversationNotFound();
  return toConversationDetailsPayload(details);
}

export async function updateConversation(id: string, patch: ConversationPatch) {
  const repository = getRepository();
  const current = await repository.getConversationById({ id });
  if (!current) throw conversationNotFound();
  const resolvesIt = patch.status === 'resolved' && current.status !== 'resolved';
  if (patch.assignedAdminId && !(await repository.getUserById({ id: patch.assignedAdminId }))) {
    throw new AppError('bad_request:validation', { message: 'Some fields are not valid.', fields: { assignedAdminId: ['No admin has that id.'] } });
  }
  const conversation = await repository.updateConversationById({ id, ...patch, ...(resolvesIt ? { resolvedAt: new Date() } : {}) });
  if (!conversation) throw conversationNotFound();
  if (patch.isAiHandled === false) stopRepliesInConversation(id);
  await publishConversationUpdated(conversation);
  return toConversationPayload(conversation);
}

// ── Ratings ───────────────────────────────────────────────────────────────

/**
 * The visitor's answer to "How was this conversation?": for its own
 * conversation, once per resolution, while the owner asks for ratings.
 */
export async function rateConversation(actor: ChatActor, input: RatingInput) {
  if (actor.kind !== 'visitor') throw new AppError('forbidden:rating', { message: 'Only the visitor rates a conversation.' });
  const conversation = await getAccessibleConversation(actor, input.conversationId);
  const settings = await readCurrentChatSettings();
  if (!settings.ratingsEnabled) throw new AppError('forbidden:rating', { message: 'Ratings are turned off on this site.' });
  const rated = await getRepository().rateConversationById({ id: conversation.id, rating: input.rating, comment: input.comment ?? null });
  if (!rated) throw new AppError('conflict:rating', { message: 'This conversation is not waiting for a rating: it was rated already, or it is not resolved.' });
  await publishConversationUpdated(rated);
  return toConversationPayload(rated);
}
