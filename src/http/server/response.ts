import { NextResponse } from 'next/server';
import { ZodError, type z } from 'zod';
import { logger } from '@/logger';
import type { ApiFailure, ApiSuccess } from '../envelope';
import { AppError, type FieldErrors } from '../errors';

export function ok<T>(data: T, init: { status?: number; headers?: HeadersInit } = {}) {
  return NextResponse.json<ApiSuccess<T>>({ success: true, data }, { status: init.status ?? 200, headers: init.headers });
}

export function fail(error: AppError) {
  const headers = new Headers();
  if (error.retryAfter !== undefined) headers.set('Retry-After', String(Math.max(1, Math.ceil(error.retryAfter))));
  return NextResponse.json<ApiFailure>(
    { success: false, error: error.message, code: error.code, ...(error.fields ? { fields: error.fields } : {}) },
    { status: error.status, headers },
  );
}

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

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a route handler so that every failure leaves as `{ success: false, error }`:
 * known errors with their status, anything else logged in full and answered
 * with a generic 500 that carries no stack or SQL.
 */
export function route<C extends RouteContext = RouteContext>(
  handler: (request: Request, context: C) => Promise<Response>,
) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return fail(error);
      if (error instanceof ZodError) return fail(validationError(error));
      logger.error({ err: error, method: request.method, path: new URL(request.url).pathname }, 'unhandled route error');
      return fail(new AppError('internal:server'));
    }
  };
}
