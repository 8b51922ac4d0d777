import { z } from 'zod';
import { conversationIdInput, MAX_MESSAGE_LENGTH } from '@/chat/server/schemas';

/** Input shapes of the AI routes. */

export const respondInputSchema = z.object({
  conversationId: conversationIdInput,
});

export const testInputSchema = z.object({
  question: z
    .string('Write a question.')
    .trim()
    .min(1, 'Write a question.')
    .max(MAX_MESSAGE_LENGTH, `Use at most ${MAX_MESSAGE_LENGTH} characters.`),
});
