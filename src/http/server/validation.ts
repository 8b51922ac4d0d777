import type { ZodError, z } from 'zod';
import { AppError, type FieldErrors } from '../errors';

/*
 * Input validation as every transport answers it: a 400 `bad_request:validation`
 * with field errors. No Next.js import, so the Socket.IO server applies the
 * same schemas the same way as the route handlers.
 */

/** Zod issues as `{ "career.0.title": ["is required"] }`, the shape forms display. */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function validationError(error: ZodError): AppError {
  return new AppError('bad_request:validation', { message: 'Some fields are not valid.', fields: fieldErrorsOf(error) });
}

/** Parses `input` with `schema` or throws the 400 every handler answers with. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
