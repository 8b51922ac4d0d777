import type { ApiFailure, ApiSuccess } from './server/response';

export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

/**
 * Browser-side call to one of our JSON routes. Always resolves to the API's
 * own `{ success }` shape, so forms render a network failure or an answer
 * that is not JSON like any other failure.
 */
export async function requestJson<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { success: false, error: 'Could not reach the server. Check your connection and try again.', code: 'network' };
  }
  try {
    return (await response.json()) as ApiResult<T>;
  } catch {
    return { success: false, error: `The server answered ${response.status} without details. Try again.`, code: 'internal:response' };
  }
}

export const postJson = <T>(path: string, body?: unknown) => requestJson<T>('POST', path, body);
