import { desc, eq } from 'drizzle-orm';
import type { QaEntry } from '@/portfolio/schema';
import type { Database, ReadDb } from '../client';
import type { ChatLanguage, UnansweredReason, UnansweredStatus } from '../schema/types';

/*
 * Questions the assistant handed to the owner, one row per question however
 * often it was asked. Which earlier question a new one repeats is the
 * caller's judgement (`isSameQuestion` over the stored normalised forms); the
 * lookup and the write run in one transaction, so two hand-overs of the same
 * question cannot both create a row on SQLite, where writes are serialised.
 */

export type UnansweredQuestion = {
  id: number;
  text: string;
  language: ChatLanguage;
  reason: UnansweredReason;
  status: UnansweredStatus;
  count: number;
  /** Public ids of the conversations it was asked in, newest last. */
  conversationIds: string[];
  firstAskedAt: Date;
  lastAskedAt: Date;
};

/** Recent questions a new one is compared with; older ones are rarely repeated word for word anyway. */
const MATCH_CANDIDATES = 500;
/** A question asked in very many conversations keeps the latest ones; the count keeps the total. */
const MAX_CONVERSATION_IDS = 50;

export function createUnansweredRepository({ db, tables, transaction, insertReturningIds }: Database) {
  const { unansweredQuestions, portfolioQa } = tables;
  const columns = {
    id: unansweredQuestions.id,
    text: unansweredQuestions.text,
    language: unansweredQuestions.language,
    reason: unansweredQuestions.reason,
    status: unansweredQuestions.status,
    count: unansweredQuestions.count,
    conversationIds: unansweredQuestions.conversationIds,
    firstAskedAt: unansweredQuestions.firstAskedAt,
    lastAskedAt: unansweredQuestions.lastAskedAt,
  };

  const selectById = async (reader: ReadDb, id: number): Promise<UnansweredQuestion | null> =>
    (await reader.select(columns).from(unansweredQuestions).where(eq(unansweredQuestions.id, id)).limit(1))[0] ?? null;

  return {
    /**
     * Counts one more asking of a question: on the stored question it repeats
     * (reopened if it was done, since the answer did not reach this visitor;
     * a dismissed one stays dismissed), or as a new row.
     */
    async recordUnansweredQuestion(input: {
      text: string;
      normalized: string;
      language: ChatLanguage;
      reason: UnansweredReason;
      conversationId: string;
      askedAt: Date;
      isSameQuestion: (normalized: string) => boolean;
    }): Promise<{ question: UnansweredQuestion; created: boolean }> {
      return transaction(async (tx) => {
        const candidates = await tx
          .select({ id: unansweredQuestions.id, normalized: unansweredQuestions.normalized, status: unansweredQuestions.status, count: unansweredQuestions.count, conversationIds: unansweredQuestions.conversationIds })
          .from(unansweredQuestions)
          .orderBy(desc(unansweredQuestions.lastAskedAt), desc(unansweredQuestions.id))
          .limit(MATCH_CANDIDATES);
        const match = candidates.find((candidate) => candidate.normalized === input.normalized) ?? candidates.find((candidate) => input.isSameQuestion(candidate.normalized));
        if (!match) {
          const [id] = await insertReturningIds(
            unansweredQuestions,
            [
              {
                text: input.text,
                normalized: input.normalized,
                language: input.language,
                reason: input.reason,
                conversationIds: [input.conversationId],
                firstAskedAt: input.askedAt,
                lastAskedAt: input.askedAt,
              },
            ],
            tx,
          );
          return { question: (await selectById(tx, id!))!, created: true };
        }
        const conversationIds = match.conversationIds.includes(input.conversationId)
          ? match.conversationIds
          : [...match.conversationIds, input.conversationId].slice(-MAX_CONVERSATION_IDS);
        await tx
          .update(unansweredQuestions)
          .set({
            count: match.count + 1,
            reason: input.reason,
            lastAskedAt: input.askedAt,
            conversationIds,
            ...(match.status === 'done' ? { status: 'open' as const } : {}),
          })
          .where(eq(unansweredQuestions.id, match.id));
        return { question: (await selectById(tx, match.id))!, created: false };
      });
    },

    /** Newest asking first. */
    async listUnansweredQuestionsByStatus({ status, limit = 200 }: { status: UnansweredStatus | 'all'; limit?: number }): Promise<UnansweredQuestion[]> {
      const query = db.select(columns).from(unansweredQuestions);
      return (status === 'all' ? query : query.where(eq(unansweredQuestions.status, status)))
        .orderBy(desc(unansweredQuestions.lastAskedAt), desc(unansweredQuestions.id))
        .limit(limit);
    },

    getUnansweredQuestionById: ({ id }: { id: number }) => selectById(db, id),

    async updateUnansweredQuestionStatusById({ id, status }: { id: number; status: UnansweredStatus }): Promise<UnansweredQuestion | null> {
      return transaction(async (tx) => {
        await tx.update(unansweredQuestions).set({ status }).where(eq(unansweredQuestions.id, id));
        return selectById(tx, id);
      });
    },

    /**
     * The owner answered the question: the pair joins the portfolio's Q&A
     * (last) and the question is done, together or not at all. Null when the
     * question does not exist (nothing is written then).
     */
    async answerUnansweredQuestionById({ id, entry }: { id: number; entry: QaEntry }): Promise<UnansweredQuestion | null> {
      return transaction(async (tx) => {
        if (!(await selectById(tx, id))) return null;
        const [last] = await tx.select({ sortOrder: portfolioQa.sortOrder }).from(portfolioQa).orderBy(desc(portfolioQa.sortOrder)).limit(1);
        await insertReturningIds(portfolioQa, [{ ...entry, sortOrder: (last?.sortOrder ?? -1) + 1 }], tx);
        await tx.update(unansweredQuestions).set({ status: 'done' }).where(eq(unansweredQuestions.id, id));
        return selectById(tx, id);
      });
    },
  };
}
