import type { z } from 'zod';
import { env } from '@/config/env';
import { AppError } from '../errors';
import { parseInput } from './validation';

export type MediaType = { name: string; pattern: RegExp };
export const JSON_MEDIA_TYPE: MediaType = { name: 'application/json', pattern: /^application\/(?:[\w.+-]+\+)?json\b/i };
/** For bodies judged by something else first (a signature over the raw bytes). */
export const ANY_MEDIA_TYPE: MediaType = { name: 'any type', pattern: /(?:)/ };
const FORM_MEDIA_TYPE: MediaType = { name: 'application/x-www-form-urlencoded', pattern: /^application\/x-www-form-urlencoded\b/i };

/**
 * Reads a body as text without ever holding more than `maxBytes` of it: a
 * declared Content-Length over the cap is refused before reading, and a
 * chunked body is cut off as soon as it passes the cap. The request's
 * Content-Type must be `mediaType`.
 */
export async function readText(request: Request, mediaType: MediaType, maxBytes = env.MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!mediaType.pattern.test(request.headers.get('content-type') ?? '')) {
    throw unsupportedMediaType(mediaType);
  }
  if (!request.body) throw new AppError('bad_request:body', { message: 'The request body is empty.' });

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}


/** A JSON body, size-capped as readText does. */
export async function readJson(request: Request, maxBytes = env.MAX_BODY_BYTES): Promise<unknown> {
  const text = await readText(request, JSON_MEDIA_TYPE, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request:json', { message: 'The request body is not valid JSON.' });
  }
}

/** An HTML-form body (what Pusher's clients send to the channel authorization endpoint), validated against `schema`. */
export async function readFormInput<S extends z.ZodType>(request: Request, schema: S, maxBytes?: number) {
  const fields = new URLSearchParams(await readText(request, FORM_MEDIA_TYPE, maxBytes));
  return parseInput(schema, Object.fromEntries(fields));
}

/** readJson, then validation against `schema` (400 with field errors). */
export async function readJsonInput<S extends z.ZodType>(request: Request, schema: S, maxBytes?: number) {
  return parseInput(schema, await readJson(request, maxBytes));
}

/**
 * readJsonInput for a route whose fields are all optional: a request with no
 * body at all (no Content-Type, nothing sent: how the plans' clients post it)
 * reads as `{}`. A body without a Content-Type is still refused (415).
 */
export async function readOptionalJsonInput<S extends z.ZodType>(request: Request, schema: S, maxBytes?: number) {
  if (request.headers.get('content-type') !== null) return readJsonInput(request, schema, maxBytes);
  if (request.body && (await readText(request, ANY_MEDIA_TYPE, maxBytes)) !== '') throw unsupportedMediaType(JSON_MEDIA_TYPE);
  return parseInput(schema, {});
}

function unsupportedMediaType(mediaType: MediaType) {
  return new AppError('unsupported_media_type:body', { message: `Send the body as ${mediaType.name}.` });
}

function tooLarge(maxBytes: number) {
  return new AppError('payload_too_large:body', {
    message: `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`,
  });
}
