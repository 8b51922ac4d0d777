import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { logger } from '@/logger';
import type { ApiFailure, ApiSuccess } from '../envelope';
import { AppError, retryAfterSecondsOf } from '../errors';
import { validationError } from './validation';

export function ok<T>(data: T, init: { status?: number; headers?: HeadersInit } = {}) {
  return NextResponse.json<ApiSuccess<T>>({ success: true, data }, { status: init.status ?? 200, headers: init.headers });
}

export function fail(error: AppError) {
  const headers = new Headers();
  const retryAfter = retryAfterSecondsOf(error);
  if (retryAfter !== undefined) headers.set('Retry-After', String(retryAfter));
  return NextResponse.json<ApiFailure>(
    { success: false, error: error.message, code: error.code, ...(error.fields ? { fields: error.fields } : {}) },
    { status: error.status, headers },
  );
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
