import type { ApiFailure, ApiSuccess } from './response';

/**
 * Browser-side POST to one of our JSON routes. Always resolves to the API's
 * own `{ success }` shape, so forms render a network failure like any other.
 */
export async function postJson<T>(path: string, body?: unknown): Promise<ApiSuccess<T> | ApiFailure> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    return (await response.json()) as ApiSuccess<T> | ApiFailure;
  } catch {
    return { success: false, error: 'Could not reach the server. Check your connection and try again.', code: 'network' };
  }
}
