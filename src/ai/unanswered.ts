import { getRepository } from '@/db';
import type { Message } from '@/db/repository/chat';
import type { UnansweredQuestion } from '@/db/repository/unanswered';
import type { MessageMetadata, UnansweredReason, UnansweredStatus } from '@/db/schema/types';
import { AppError } from '@/http/errors';
import { logger } from '@/logger';
import { forgetPublishedPortfolio } from '@/portfolio/server/portfolio-cache';
import type { UnansweredAnswerInput } from './schemas';
import { isSameQuestion, normalizeQuestion } from './question-similarity';
import { languageOf } from './language';
import type { NoticeReason } from './notices';

/*
 * Every question the assistant hands to the owner is kept, once per meaning
 * with a count, so the owner learns what visitors want to know and can teach
 * the assistant by answering it into the portfolio's Q&A.
 */

export type UnansweredQuestionPayload = Omit<UnansweredQuestion, 'firstAskedAt' | 'lastAskedAt'> & {
  firstAskedAt: string;
  lastAskedAt: string;
};

const toPayload = ({ firstAskedAt, lastAskedAt, ...question }: UnansweredQuestion): UnansweredQuestionPayload => ({
  ...question,
  firstAskedAt: firstAskedAt.toISOString(),
  lastAskedAt: lastAskedAt.toISOString(),
});

const notFound = () => new AppError('not_found:unanswered', { message: 'Question not found.' });

const reasonOfNotice: Record<NoticeReason, UnansweredReason> = {
  'human-requested': 'asked_for_human',
  // Handed over for the visitor's sake, as when they ask for a person: the portfolio may well have had an answer.
  upset: 'asked_for_human',
  urgent: 'asked_for_human',
  // Never recorded (an image asks nothing the Q&A could answer); listed for completeness of the mapping.
  image: 'asked_for_human',
  failure: 'provider_failed',
  'rate-limit': 'limit',
  budget: 'limit',
  late: 'provider_failed',
};

/**
 * Records the hand-over a stored assistant message made, if it made one
 * (`metadata.handover`; `metadata.notice` says why, none means the portfolio
 * had no answer). Never throws: the visitor's notice matters more than the
 * statistics, so a failed write is only logged.
 */
export async function recordHandover(input: { question: Message; metadata: MessageMetadata }): Promise<void> {
  const { question, metadata } = input;
  // An image alone is no question the Q&A could answer.
  if (metadata.handover !== true || metadata.notice === 'image') return;
  const reason = reasonOfNotice[metadata.notice as NoticeReason] ?? 'not_in_portfolio';
  try {
    const normalized = normalizeQuestion(question.content);
    await getRepository().recordUnansweredQuestion({
      text: question.content,
      normalized,
      language: languageOf(question.content) ?? 'en',
      reason,
      conversationId: question.conversationId,
      askedAt: question.createdAt,
      isSameQuestion: (stored) => isSameQuestion(normalized, stored),
    });
  } catch (error) {
    logger.error({ err: error, conversationId: question.conversationId, reason }, 'unanswered question could not be recorded');
  }
}

export async function listUnansweredQuestions(status: UnansweredStatus | 'all'): Promise<{ questions: UnansweredQuestionPayload[] }> {
  const questions = await getRepository().listUnansweredQuestionsByStatus({ status });
  return { questions: questions.map(toPayload) };
}

export async function changeUnansweredQuestionStatus(id: number, status: UnansweredStatus): Promise<UnansweredQuestionPayload> {
  const question = await getRepository().updateUnansweredQuestionStatusById({ id, status });
  if (!question) throw notFound();
  return toPayload(question);
}

/** "Answer and add to Q&A": the pair joins the portfolio (published unless said otherwise) and the question is done. */
export async function answerUnansweredQuestion(id: number, input: UnansweredAnswerInput): Promise<UnansweredQuestionPayload> {
  const repository = getRepository();
  const asked = await repository.getUnansweredQuestionById({ id });
  if (!asked) throw notFound();
  const question = await repository.answerUnansweredQuestionById({
    id,
    entry: {
      question: input.question ?? asked.text,
      answer: input.answer,
      language: input.language ?? asked.language,
      published: input.published,
    },
  });
  if (!question) throw notFound();
  // The pair is part of the portfolio now: the next answer and the chat's suggestions use it.
  await forgetPublishedPortfolio();
  return toPayload(question);
}
