import { z } from 'zod';
import { DEFAULT_INSIGHTS_DAYS, insightsPeriods } from './types';

/** Input shapes of the insights routes. */

const periodWords = `Choose ${insightsPeriods.slice(0, -1).join(', ')} or ${insightsPeriods.at(-1)} days.`;

export const insightsQuerySchema = z.object({
  days: z.coerce.number(periodWords).pipe(z.literal(insightsPeriods, periodWords)).default(DEFAULT_INSIGHTS_DAYS),
});

export const MAX_PRICE_PER_MILLION = 10_000;

export const modelPriceSchema = z.object({
  model: z.string('Name the model.').trim().min(1, 'Name the model.').max(100, 'Use at most 100 characters.'),
  pricePerMillion: z
    .number('Give the price as a number.')
    .min(0, 'A price cannot be negative.')
    .max(MAX_PRICE_PER_MILLION, `Use at most ${MAX_PRICE_PER_MILLION} per million tokens.`),
});
export type ModelPriceInput = z.infer<typeof modelPriceSchema>;
