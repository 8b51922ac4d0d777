import { randomUUID } from 'node:crypto';
import { getRepository } from '@/db';
import type { Conversation, Message } from '@/db/repository/chat';
import type { ChatSettings } from '@/db/repository/settings';
import type { HandoverReason, MessageMetadata } from '@/db/schema/types';
import { publishAiStream, publishAiTyping, publishConversationUpdated, publishNewMessage } from '@/chat/server/events';
import { readCurrentChatSettings } from '@/chat/server/settings-cache';
import { readPublishedPortfolio } from '@/portfolio/server/portfolio-cache';
import { logger } from '@/logger';
import { generationOptions, prepareModelInput, reportedFacts, type ModelInput } from './assistant';
import { describeProviderError, type Generation } from './generate';
import { visitorLanguage } from './language';
import { reachedReplyLimit, recordTokenUsage } from './limits';
import { moodOf } from './mood';
import { noticeText, type NoticeReason } from './notices';
import { HISTORY_LIMIT, toModelMessages } from './prompt';
import { effectiveProvider } from './providers';
import { cancelReasonOf, letDeliveryGoFirst } from './queue';
import { asksForHuman } from './topics';
import { coalesceLatest } from './stream-coalescing';
import { recordHandover } from './unanswered';

/**
 * One AI reply in a conversation, from "typing" to the stored message:
 *
 *   ai-typing true → ai-stream (whole text so far, throttled) → stored
 *   message → new-message (metadata.streamId = the stream's tempId) →
 *   ai-typing false, which is sent whatever happened.
 *
 * A failed or silent provider is retried once; then the visitor gets a
 * stored notice and the owner an alert. The reply is stored only if no admin
 * has written since and (for automatic replies) the AI still handles the
 * conversation, so a reply overtaken by the owner is dropped, not posted
 * after the owner's message.
 *
 * Each step (reading, storing, publishing) waits its turn behind the I/O
 * already queued (letDeliveryGoFirst): under a crowd, visitors' and the
 * owner's messages are delivered before the assistant takes its next step.
 */

export type ReplyJob = {
  conversationId: string;
  /** The message being answered: an admin message after it means the owner has answered instead. */
  afterMessageId: number;
  /** Automatic replies follow the global switch and the conversation's handling; on-demand ones (the admin asked) do not. */
  automatic: boolean;
  /** The owner asked for another answer: the question is answered again even though the assistant answered it. */
  regenerate?: boolean;
  /** The question waited too long for its answer (lost with a process that died): it is handed to the owner instead. */
  tooLateToAnswer?: boolean;
};

const MAX_ATTEMPTS = 2;

/** A reply with a hand-over reason hands the conversation to the owner. */
type Outcome = { content: string; metadata: MessageMetadata; handoverReason: HandoverReason | null };

const handoverReasonOfNotice: Record<NoticeReason, HandoverReason> = {
  'human-requested': 'asked_for_human',
  failure: 'provider_failed',
  'rate-limit': 'rate_limit',
  budget: 'budget',
  late: 'too_late',
  upset: 'upset',
  urgent: 'urgent',
  image: 'image',
};

/**
 * Publishes the reply as it grows, at most once per STREAM_INTERVAL_MS (the
 * final text included), in order, never after `finish`. The first text goes
 * out at once, so a hosted model's first token shows without waiting.
 */
export function createStreamPublisher(conversationId: string, tempId: string, publish = publishAiStream) {
  let chain: Promise<void> = Promise.resolve();
  const stream = coalesceLatest<string>(
    (text) => {
      chain = chain.then(() => publish({ conversationId, tempId, text }));
    },
    { leading: true },
  );
  return {
    update: stream.update,
    /** Drops a pending update (a failed attempt) and waits for what was sent. */
    async stop() {
      stream.cancel();
      await chain;
    },
    /** Sends the final text, so the last `ai-stream` equals the stored message. */
    async finish(text: string) {
      await stream.last(text);
      await chain;
    },
  };
}

/** Whether the assistant has written after `question` already. */
export const isAnswered = (history: readonly Message[], question: Message) =>
  history.some((message) => message.senderType === 'ai' && message.id > question.id);

const latestNotice = (history: Message[]) => [...history].reverse().find((message) => message.senderType === 'ai')?.metadata?.notice;
const isMoodNotice = (notice: unknown) => notice === 'upset' || notice === 'urgent';

/**
 * The provider's answer, retried once after an error or a silence. Null when
 * both attempts failed, or when shutdown cut the reply short (the visitor
 * then gets the failure notice); 'cancelled' when the owner took over or
 * auto-reply was switched off, which needs no notice at all.
 */
async function generateWithRetry(request: {
  conversationId: string;
  input: ModelInput;
  settings: ChatSettings;
  history: Message[];
  signal: AbortSignal;
  stream: ReturnType<typeof createStreamPublisher>;
}): Promise<{ generation: Generation; attempts: number } | 'cancelled' | null> {
  const { conversationId, input, signal, stream } = request;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      const generation = await input.generate({
        messages: toModelMessages(request.history),
        ...generationOptions(request.settings),
        signal,
        onText: stream.update,
      });
      if (!generation.text) throw new Error('the provider returned an empty reply');
      await stream.finish(generation.text);
      return { generation, attempts: attempt };
    } catch (error) {
      await stream.stop();
      if (signal.aborted) {
        const reason = cancelReasonOf(signal) ?? 'unknown';
        logger.info({ conversationId, reason }, 'AI reply cancelled');
        return reason === 'shutdown' ? null : 'cancelled';
      }
      logger.warn(
        { error: describeProviderError(error), conversationId, provider: input.provider, attempt },
        'AI reply attempt failed',
      );
    }
  }
  return null;
}

export async function runReply(job: ReplyJob, signal: AbortSignal): Promise<void> {
  const repository = getRepository();
  const { conversationId } = job;
  const [settings, conversation] = await Promise.all([
    readCurrentChatSettings(),
    repository.getConversationById({ id: conversationId }),
  ]);
  if (!conversation || conversation.status === 'closed') return;
  if (job.automatic && (!settings.aiEnabled || !conversation.isAiHandled)) return;

  await letDeliveryGoFirst();
  const { messages: history } = await repository.listMessagesByConversationId({ conversationId, limit: HISTORY_LIMIT });
  const question = [...history].reverse().find((message) => message.senderType === 'visitor');
  if (!question) return;
  // A newer visitor message has its own job queued behind this one; that job answers both.
  if (job.automatic && question.id > job.afterMessageId) return;
  // One question gets one answer: a second "Ask AI" queued behind the first (or behind the automatic reply) has nothing to do.
  if (!job.regenerate && isAnswered(history, question)) return;

  // An upset or hurried visitor gets the owner at once (service.ts marked the conversation), and is told so once, as past a
  // limit; the owner asking for an answer gets one.
  const mood = job.automatic ? moodOf(question.content) : null;
  if (mood && isMoodNotice(latestNotice(history))) return;
  await letDeliveryGoFirst();
  const limit = await reachedReplyLimit(conversationId, effectiveProvider(settings.aiProvider));
  // Past a limit the visitor is told once; repeating the notice on every message would only be noise.
  if (limit && !mood && latestNotice(history) === limit) return;

  await publishAiTyping(conversationId, true);
  try {
    const tempId = randomUUID();
    await letDeliveryGoFirst();
    const { portfolio } = await readPublishedPortfolio();
    const input = prepareModelInput({ settings, portfolio, question: question.content });
    const visitorMessagesNewestFirst = history.filter((message) => message.senderType === 'visitor').map((message) => message.content).reverse();
    const base = { streamId: tempId, provider: input.provider, model: input.modelId };
    const notice = (reason: NoticeReason): Outcome => ({
      content: noticeText(reason, visitorLanguage(visitorMessagesNewestFirst), input.ownerName),
      metadata: { ...base, handover: true, notice: reason },
      handoverReason: handoverReasonOfNotice[reason],
    });

    let outcome: Outcome;
    if (mood) outcome = notice(mood);
    else if (limit) outcome = notice(limit);
    else if (question.content.trim() === '') outcome = notice('image');
    else if (asksForHuman(question.content)) outcome = notice('human-requested');
    else if (job.tooLateToAnswer) outcome = notice('late');
    else {
      const stream = createStreamPublisher(conversationId, tempId);
      const result = await generateWithRetry({ conversationId, input, settings, history, signal, stream });
      if (result === 'cancelled') return;
      if (!result) outcome = notice('failure');
      else {
        const { generation, attempts } = result;
        // Shown under the bubble as "from Projects › Kopiloka Storefront", instead of a "(Sources: …)" line in the text.
        const sources = reportedFacts(generation)?.map(({ source, label }) => ({ source, label })) ?? [];
        await recordTokenUsage(input.provider, input.modelId, generation.inputTokens + generation.outputTokens);
        outcome = {
          content: generation.text,
          metadata: {
            ...base,
            inputTokens: generation.inputTokens,
            outputTokens: generation.outputTokens,
            timeToFirstTokenMs: generation.timeToFirstTokenMs,
            totalMs: generation.totalMs,
            attempts,
            ...(sources.length > 0 ? { sources } : {}),
            ...(generation.handover ? { handover: true } : {}),
          },
          // The model found nothing in the portfolio to answer from.
          handoverReason: generation.handover ? 'not_in_portfolio' : null,
        };
      }
    }
    await letDeliveryGoFirst();
    if (await storeReply(job, conversation, outcome)) await recordHandover({ question, metadata: outcome.metadata });
  } finally {
    await publishAiTyping(conversationId, false);
  }
}

/** False when the reply was dropped. */
async function storeReply(job: ReplyJob, before: Conversation, outcome: Outcome): Promise<boolean> {
  const stored = await getRepository().createAssistantMessageIfStillAllowed({
    conversationId: job.conversationId,
    content: outcome.content,
    metadata: outcome.metadata,
    afterMessageId: job.afterMessageId,
    automatic: job.automatic,
    handoverReason: outcome.handoverReason,
    answersAgain: job.regenerate === true,
  });
  if (!stored) {
    logger.info({ conversationId: job.conversationId }, 'AI reply dropped: answered meanwhile, or AI replies were switched off');
    return false;
  }
  await letDeliveryGoFirst();
  await publishNewMessage({ conversation: stored.conversation, message: stored.message, conversationCreated: false });
  if (outcome.handoverReason && !before.needsHuman) await publishConversationUpdated(stored.conversation);
  return true;
}
