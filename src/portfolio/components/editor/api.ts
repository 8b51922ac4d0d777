import type { PortfolioDocument } from '@/portfolio/schema';

export type FieldErrors = Record<string, string[]>;
export type ApiResult<T> = { success: true; data: T } | { success: false; error: string; code: string; fields?: FieldErrors };

/**
 * Browser-side JSON call to one of our admin routes. Always resolves to the
 * API's `{ success }` shape, so the editor renders a network failure or a
 * non-JSON answer like any other failure.
 */
async function requestJson<T>(method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
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

export const savePortfolio = (document: unknown) => requestJson<PortfolioDocument>('PUT', '/api/admin/portfolio', document);
export const removeSampleContent = () => requestJson<PortfolioDocument>('DELETE', '/api/admin/portfolio/sample');
