import type { RestErrorBody } from '@hitl/shared/errors';
import { ApiRequestError } from './api-error';

/** What a shared zod schema offers (without the console depending on zod itself). */
interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** `text` is sent as it is, as text/plain (an import file); `body` as JSON. */
type JsonInit = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; text?: string };

/** Same-origin JSON request; resolves with the parsed body or throws an ApiRequestError. */
export async function fetchJson<T>(path: string, init: JsonInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.text === undefined ? {} : { 'Content-Type': 'text/plain; charset=utf-8' }),
      },
      body: init.text ?? (init.body === undefined ? null : JSON.stringify(init.body)),
    });
  } catch {
    throw new ApiRequestError('network', 'Cannot reach the server. Check your connection.');
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toRequestError(response.status, body);
  return body as T;
}

/**
 * Like `fetchJson`, but the answer is checked against its shared schema: a server that answers something
 * else is reported as such, not passed on as if it were right.
 */
export async function fetchParsed<T>(
  schema: ResponseSchema<T>,
  path: string,
  init: JsonInit = {},
): Promise<T> {
  const parsed = schema.safeParse(await fetchJson<unknown>(path, init));
  if (parsed.success) return parsed.data;
  throw new ApiRequestError('internal', 'Unexpected answer from the server.');
}

function toRequestError(status: number, body: unknown): ApiRequestError {
  if (isErrorBody(body)) return new ApiRequestError(body.error.code, body.error.message, status);
  if (status === 401) return new ApiRequestError('unauthorized', 'Please sign in again.', status);
  if (status === 403) return new ApiRequestError('forbidden', 'You are not allowed to do this.', status);
  if (status >= 500) {
    return new ApiRequestError(
      'internal',
      'The server is unavailable right now. Try again in a moment.',
      status,
    );
  }
  return new ApiRequestError('internal', `Unexpected answer from the server (HTTP ${status}).`, status);
}

function isErrorBody(body: unknown): body is RestErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
