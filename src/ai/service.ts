import { after } from 'next/server';
import { readCurrentChatSettings } from '@/chat/server/settings-cache';
import { getRepository } from '@/db';
import type { Conversation, Message } from '@/db/repository/chat';
import { AppError } from '@/http/errors';
import { logger } from '@/logger';
import { cancelRepliesEverywhere } from './cancellation';
import { effectiveProvider } from './providers';
import { enqueueReplyJob, hasPendingReply } from './queue';
import { claimAutoReply, claimLostReply, holdClaim } from './reply-claims';
import { isAnswered, runReply, type ReplyJob } from './reply';

/*
 * What the rest of the app asks of the assistant. Replies never run inside
 * the request: they are queued and the request answers at once.
 */

function queueReply(job: ReplyJob): Promise<void> {
  const done = enqueueReplyJob(job, (signal) => runReply(job, signal));
  keepFunctionAliveUntil(done);
  return done;
}

/**
 * On a serverless host the function that answered the send would be frozen
 * with the reply half-written: Next's after() keeps it running until the
 * reply is stored (waitUntil). The custom server's process lives on anyway,
 * and outside a request (tests, scripts) there is nothing to keep alive.
 */
function keepFunctionAliveUntil(done: Promise<void>): void {
  try {
    after(done);
  } catch {
    // Not inside a request scope.
  }
}

/**
 * Queues the automatic reply to a visitor's `message`, whose claim this
 * instance holds, and keeps the claim until the reply is done. `tooLateToAnswer`:
 * the question waited too long (it was lost with a process that died), so it
 * goes to the owner with a notice instead of an answer this late.
 */
export function queueAutomaticReply(message: Message, options: { tooLateToAnswer?: boolean } = {}): void {
  const job: ReplyJob = { conversationId: message.conversationId, afterMessageId: message.id, automatic: true, ...options };
  holdClaim(message.id, queueReply(job));
}

async function answerVisitorMessage(message: Message): Promise<void> {
  if (await claimAutoReply(message.id)) queueAutomaticReply(message);
}

/**
 * A retried send of a message already stored: is its reply still coming?
 * Answered (by the AI or the owner): no. Queued or running here, or claimed
 * by a live instance: yes. Otherwise the process that queued it died with
 * the job in memory, and this retry queues it again (unless the start-up
 * recovery, src/ai/recovery.ts, has already).
 */
async function resumeAutoReply(conversation: Conversation, message: Message): Promise<boolean> {
  const { messages } = await getRepository().listMessagesByConversationId({ conversationId: conversation.id, after: message.id, limit: 50 });
  if (messages.some((later) => later.senderType !== 'visitor')) return false;
  if (hasPendingReply(conversation.id, message.id)) return true;
  // Claimed by a live instance: it is answering. Claimed by a dead one, or no longer: this retry answers.
  if (!(await claimLostReply(message.id))) return true;
  logger.info({ conversationId: conversation.id, messageId: message.id }, 'AI reply lost with an earlier process; queued again');
  queueAutomaticReply(message);
  return true;
}

/**
 * After a visitor's message is stored: queues the AI's answer when AI
 * auto-reply is on and the AI handles this conversation. Returns whether a
 * reply is coming (the send answer's `aiResponsePending`). A retried send
 * (`duplicate`) says so only if that reply is really still coming, queuing
 * it again when it was lost.
 */
export async function scheduleAutoReply(input: { conversation: Conversation; message: Message; duplicate: boolean }): Promise<boolean> {
  const { conversation, message } = input;
  if (message.senderType !== 'visitor' || !conversation.isAiHandled || conversation.status === 'closed') return false;
  try {
    const { aiEnabled } = await readCurrentChatSettings();
    if (!aiEnabled) return false;
    if (input.duplicate) return await resumeAutoReply(conversation, message);
  } catch (error) {
    // The message is stored and the owner sees it; failing the send now would only make the widget retry it.
    logger.error({ err: error, conversationId: conversation.id }, 'AI auto-reply could not be scheduled');
    return false;
  }
  await answerVisitorMessage(message);
  return true;
}

/** Enough of the newest messages to find the latest visitor message and what followed it. */
const ANSWER_CHECK_MESSAGES = 20;

/**
 * The admin asks the assistant to answer now, whoever handles the
 * conversation. A visitor message the assistant has answered already is
 * answered again only when the owner says `regenerate` (409 otherwise), so
 * pressing "Ask AI" twice does not post the same answer twice.
 */
export async function requestReply(conversationId: string, options: { regenerate?: boolean } = {}): Promise<{ pending: true }> {
  const repository = getRepository();
  const conversation = await repository.getConversationById({ id: conversationId });
  if (!conversation) throw new AppError('not_found:conversation', { message: 'Conversation not found.' });
  if (conversation.status === 'closed') {
    throw new AppError('conflict:conversation', { message: 'This conversation is closed; reopen it first.' });
  }
  const { messages } = await repository.listMessagesByConversationId({ conversationId, limit: ANSWER_CHECK_MESSAGES });
  const latest = messages.at(-1);
  if (!latest) throw new AppError('conflict:conversation', { message: 'There is no message to answer yet.' });
  const question = messages.findLast((message) => message.senderType === 'visitor');
  const answered = question ? isAnswered(messages, question) : messages.some((message) => message.senderType === 'ai');
  if (answered && !options.regenerate) {
    throw new AppError('conflict:ai_reply', { message: 'The assistant has answered the latest message already; ask it to regenerate.' });
  }
  queueReply({ conversationId, afterMessageId: latest.id, automatic: false, regenerate: options.regenerate === true });
  return { pending: true };
}

/** The owner wrote or took the conversation over: a reply being generated there is abandoned. */
export function stopRepliesInConversation(conversationId: string): void {
  cancelRepliesEverywhere({ conversationId });
}

/** AI auto-reply was switched off: every automatic reply being generated is abandoned. */
export function stopAutomaticReplies(): void {
  cancelRepliesEverywhere({ allAutomatic: true });
}

/** For /api/health: off, or on with the provider actually answering (a misconfigured one falls back to local). */
export async function checkAiHealth(): Promise<{ status: 'ok' | 'disabled'; detail: string }> {
  const settings = await readCurrentChatSettings();
  const provider = effectiveProvider(settings.aiProvider);
  const fallback = provider !== settings.aiProvider ? ` (${settings.aiProvider} is not configured)` : '';
  return settings.aiEnabled
    ? { status: 'ok', detail: `provider ${provider}${fallback}` }
    : { status: 'disabled', detail: `auto-reply off; provider ${provider}${fallback}` };
}
