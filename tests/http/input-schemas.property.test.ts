import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loginInputSchema, setupInputSchema } from '@/auth/schemas';
import {
  conversationPatchSchema,
  conversationsQuerySchema,
  deliveredInputSchema,
  messagesQuerySchema,
  readInputSchema,
  sendInputSchema,
  sessionInputSchema,
} from '@/chat/server/schemas';
import { AppError } from '@/http/errors';
import { parseInput } from '@/http/server/validation';
import { portfolioDocumentSchema, projectSchema, techStackItemSchema } from '@/portfolio/schema';

/*
 * Whatever a client sends, a route's input schema answers with the parsed
 * value or the 400 every handler turns into `{ success: false, error }`:
 * never another exception (a throwing transform, a refine on a missing
 * field), which the route would answer with a 500.
 */

type ObjectSchema = z.ZodType & { shape: Record<string, z.ZodType> };

/** Arbitrary JSON, plus values shaped like what the fields expect (near misses find more). */
const value = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constantFrom('', ' ', '0', '-1', '1e3', '9007199254740993', 'NaN', 'null', '2026-12-01T00:00:00Z', '1-1', 'a@b.c', '\u0000', '%E0%A4%A'),
  fc.array(fc.integer(), { maxLength: 300 }),
);
const bodyFor = (schema: ObjectSchema) => fc.oneof(fc.jsonValue(), fc.record(Object.fromEntries(Object.keys(schema.shape).map((key) => [key, value])), { requiredKeys: [] }));
/** Query strings reach their schemas as string values only (queryOf). */
const queryFor = (schema: ObjectSchema) =>
  fc.record(
    Object.fromEntries(Object.keys(schema.shape).map((key) => [key, fc.oneof(fc.string(), fc.stringMatching(/^-?\d{0,20}(-\d{0,16})?$/), fc.constantFrom('all', 'active', 'resolved', 'closed'))])),
    { requiredKeys: [] },
  );

function expectValueOrBadRequest(schema: z.ZodType, input: unknown): void {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
  }
}

const bodies: [string, ObjectSchema][] = [
  ['chat session', sessionInputSchema],
  ['chat send', sendInputSchema],
  ['chat read', readInputSchema],
  ['chat delivered', deliveredInputSchema],
  ['conversation patch', conversationPatchSchema as unknown as ObjectSchema],
  ['sign-in', loginInputSchema],
  ['first admin', setupInputSchema],
  ['portfolio document', portfolioDocumentSchema],
  ['portfolio project', projectSchema],
  ['portfolio tech stack item', techStackItemSchema],
];
const queries: [string, ObjectSchema][] = [
  ['messages query', messagesQuerySchema as unknown as ObjectSchema],
  ['conversations query', conversationsQuerySchema as unknown as ObjectSchema],
];

describe('input schemas under arbitrary input', () => {
  it.each(bodies)('%s: any JSON body parses or is a 400', (_name, schema) => {
    fc.assert(fc.property(bodyFor(schema), (input) => expectValueOrBadRequest(schema, input)), { numRuns: 400 });
  });

  it.each(queries)('%s: any query string parses or is a 400', (_name, schema) => {
    fc.assert(fc.property(queryFor(schema), (input) => expectValueOrBadRequest(schema, input)), { numRuns: 400 });
  });
});
