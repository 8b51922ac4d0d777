import type { z } from 'zod';
import { env } from '@/config/env';
import { AppError } from './errors';
import { parseInput } from './response';

/**
 * Reads a JSON body without ever holding more than `maxBytes` of it: a
 * declared Content-Length over the cap is refused before reading, and a
 * chunked body is cut off as soon as it passes the cap.
 */
export async function readJson(request: Request, maxBytes = env.MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new AppError('unsupported_media_type:body');
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
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request:json', { message: 'The request body is not valid JSON.' });
  }
}

/** readJson, then validation against `schema` (400 with field errors). */
export async function readJsonInput<S extends z.ZodType>(request: Request, schema: S, maxBytes?: number) {
  return parseInput(schema, await readJson(request, maxBytes));
}

function tooLarge(maxBytes: number) {
  return new AppError('payload_too_large:body', {
    message: `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`,
  });
}
