import type { ErrorCode, FieldErrors } from './errors';

/** The body of every JSON answer of the API, success or failure (shared by the route helpers and the browser client). */
export type ApiSuccess<T> = { success: true; data: T };
export type ApiFailure = { success: false; error: string; code: ErrorCode; fields?: FieldErrors };

/** The browser client's codes: the API's own, or `network` when no answer came back at all. */
export type ClientErrorCode = ErrorCode | 'network';
export type ApiResult<T> = ApiSuccess<T> | (Omit<ApiFailure, 'code'> & { code: ClientErrorCode });
