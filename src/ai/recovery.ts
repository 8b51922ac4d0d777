import { readCurrentChatSettings } from '@/chat/server/settings-cache';
import { getRepository } from '@/db';
import type { ConversationCursor } from '@/db/repository/chat';
import { logger } from '@/logger';
import { hasPendingReply } from './queue';
import { claimLostReply } from './reply-claims';
import { queueAutomaticReply } from './service';

/*
 * Replies run in memory (src/ai/queue.ts): a process that dies takes the
 * replies it was generating with it, and their questions would stay
 * unanswered with nobody told. This sweep finds them (at start-up, and on a
 * surviving instance when another one dies) and gives each its answer, or,
 * when it has waited too long for one, hands it to the owner with a notice.
 * Both go through the automatic reply's own job, so its rules, limits,
 * notices, events and claim apply; storing refuses a second answer to one
 * question, so a reply stored just before the crash is never repeated.
 */

export type RecoveryTrigger = 'start-up' | 'instance-gone';

/** Older than this, an answer would arrive out of the blue: the owner gets the question instead. */
const ANSWER_LOST_QUESTIONS_WITHIN_MS = 10 * 60_000;
/** How far back the sweep looks: a question older than a day is the owner's inbox's, not a restart's, to bring up. */
const RECOVERY_WINDOW_MS = 24 * 60 * 60_000;
const PAGE_SIZE = 100;

export type RecoveryCounts = {
  /** Queued for an answer again. */
  retried: number;
  /** Queued for a hand-over notice: too old to answer. */
  handedOver: number;
  /** Being answered already, here or by another live instance. */
  inProgress: number;
};

/**
 * Answers (or hands over) every question of the last day that nothing
 * followed and nothing is answering. Never throws: a failed sweep is logged,
 * and the next start-up or instance death sweeps again. Stops between pages
 * once `signal` is aborted (shutdown); what it queued is drained with the rest.
 */
export async function recoverLostReplies(trigger: RecoveryTrigger, signal?: AbortSignal): Promise<RecoveryCounts> {
  const counts: RecoveryCounts = { retried: 0, handedOver: 0, inProgress: 0 };
  try {
    const { aiEnabled } = await readCurrentChatSettings();
    if (!aiEnabled) {
      logger.info({ trigger }, 'AI reply recovery skipped: AI auto-reply is off');
      return counts;
    }
    const now = Date.now();
    const since = new Date(now - RECOVERY_WINDOW_MS);
    let cursor: ConversationCursor | undefined;
    do {
      const page = await getRepository().listQuestionsAwaitingReplySince({ since, cursor, limit: PAGE_SIZE });
      for (const question of page.questions) {
        if (hasPendingReply(question.conversationId, question.id) || !(await claimLostReply(question.id))) {
          counts.inProgress += 1;
          continue;
        }
        const tooLateToAnswer = now - question.createdAt.getTime() > ANSWER_LOST_QUESTIONS_WITHIN_MS;
        queueAutomaticReply(question, { tooLateToAnswer });
        if (tooLateToAnswer) counts.handedOver += 1;
        else counts.retried += 1;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && !signal?.aborted);
    logger.info({ trigger, ...counts }, 'AI replies lost with a process recovered');
  } catch (error) {
    logger.error({ err: error, trigger, ...counts }, 'AI reply recovery failed');
  }
  return counts;
}
