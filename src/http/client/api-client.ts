import { SESSION_TOKEN_HEADER } from '@/shared/names';
import type { ApiResult, ClientErrorCode } from '../envelope';
import type { FieldErrors } from '../errors';

/*
 * The browser's one way to call the JSON API. Every route answers
 * `{ success, data }` or `{ success: false, error, code, fields }`; this turns
 * the second (and a network failure, or an answer that is not the API's JSON)
 * into one error type, so every screen reports failures alike.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiRequest = {
  /** GET without a body, POST with one, unless given. */
  method?: Method;
  body?: unknown;
  /** A multipart body instead (an image upload); the browser sets its content type and boundary. */
  form?: FormData;
  /** A visitor's chat session; admins are recognised by their cookie. */
  sessionToken?: string;
  /** `same-origin` (the admin cookie rides along) unless told otherwise. */
  credentials?: RequestCredentials;
  /** The site's origin; relative URLs (the page's origin) when left out. */
  baseUrl?: string;
  /** For tests and non-browser hosts; the global fetch by default. */
  fetch?: typeof fetch;
};

const NETWORK_FAILURE = 'Could not reach the server. Check your connection and try again.';

/** A call the API refused, or one that never got an answer (`status` 0). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: ClientErrorCode;
  /** Per-field messages of a refused form, keyed by the field's path. */
  readonly fields: FieldErrors;
  /** How long the server asked to wait (Retry-After), for rate limits and outages. */
  readonly retryAfterMs: number | null;

  constructor(init: { error: string; status: number; code?: ClientErrorCode; fields?: FieldErrors; retryAfterMs?: number | null }) {
    super(init.error);
    this.status = init.status;
    this.code = init.code ?? (init.status === 0 ? 'network' : 'internal:response');
    this.fields = init.fields ?? {};
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** The user-facing text: the API's own words, or what went wrong on the way. */
  get error(): string {
    return this.message;
  }

  /** Whether the same request may work later: offline (status 0), server trouble, rate limits and an expired session clear up by themselves. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 401 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

function retryAfterMsOf(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/** Resolves with the answer's `data`, or rejects with an ApiError. */
export async function callApi<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const { body, sessionToken } = request;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (sessionToken) headers[SESSION_TOKEN_HEADER] = sessionToken;
  const doFetch = request.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await doFetch(`${request.baseUrl ?? ''}${path}`, {
      method: request.method ?? (body === undefined && !request.form ? 'GET' : 'POST'),
      headers,
      body: request.form ?? (body === undefined ? undefined : JSON.stringify(body)),
      credentials: request.credentials ?? 'same-origin',
    });
  } catch {
    throw new ApiError({ error: NETWORK_FAILURE, status: 0 });
  }
  const answer = (await response.json().catch(() => null)) as Partial<Record<'success' | 'data' | 'error' | 'code' | 'fields', unknown>> | null;
  if (response.ok && answer?.success === true) return answer.data as T;
  // Only the API's own failures carry text meant for people; anything else (a proxy's HTML page) gets a generic one.
  throw new ApiError({
    error: typeof answer?.error === 'string' ? answer.error : `The server answered ${response.status} without details. Try again.`,
    status: response.status,
    code: typeof answer?.code === 'string' ? (answer.code as ClientErrorCode) : 'internal:response',
    fields: typeof answer?.fields === 'object' && answer.fields !== null ? (answer.fields as FieldErrors) : undefined,
    retryAfterMs: retryAfterMsOf(response),
  });
}

/** The same call, resolved as the API's `{ success }` shape, for forms that render either outcome. */
export function requestJson<T>(method: Method, path: string, body?: unknown): Promise<ApiResult<T>> {
  return resultOf(callApi<T>(path, { method, body }));
}

/** A call that rejects with ApiError (callApi, or another way to the same API), as the `{ success }` shape. */
export async function resultOf<T>(call: Promise<T>): Promise<ApiResult<T>> {
  try {
    return { success: true, data: await call };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { success: false, error: error.error, code: error.code, fields: error.fields };
  }
}

export const postJson = <T>(path: string, body?: unknown) => requestJson<T>('POST', path, body);
