import { z } from 'zod';
import { conversationIdInput, MAX_MESSAGE_LENGTH } from '@/chat/server/schemas';
import { unansweredStatuses } from '@/db/schema/types';
import { qaEntrySchema } from '@/portfolio/schema';

/** Input shapes of the AI routes. */

export const respondInputSchema = z.object({
  conversationId: conversationIdInput,
  /** Answer again even though the assistant already answered the latest visitor message. */
  regenerate: z.boolean('Must be true or false.').default(false),
});

export const testInputSchema = z.object({
  question: z
    .string('Write a question.')
    .trim()
    .min(1, 'Write a question.')
    .max(MAX_MESSAGE_LENGTH, `Use at most ${MAX_MESSAGE_LENGTH} characters.`),
});

export const unansweredQuerySchema = z.object({
  status: z.enum([...unansweredStatuses, 'all'], `Choose one of: ${[...unansweredStatuses, 'all'].join(', ')}.`).default('open'),
});

export const unansweredPatchSchema = z.object({
  status: z.enum(unansweredStatuses, `Choose one of: ${unansweredStatuses.join(', ')}.`),
});

/** The owner's answer to an unanswered question; the question's own words unless they are rephrased. */
export const unansweredAnswerSchema = z.object({
  answer: qaEntrySchema.shape.answer,
  question: qaEntrySchema.shape.question.optional(),
  language: qaEntrySchema.shape.language,
  published: qaEntrySchema.shape.published,
});
export type UnansweredAnswerInput = z.infer<typeof unansweredAnswerSchema>;
