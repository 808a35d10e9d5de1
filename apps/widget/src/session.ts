import type { ApiError, RestErrorBody } from '@hitl/shared/errors';
import type { WidgetSessionRequest, WidgetSessionResponse } from '@hitl/shared/widget-events';

/** A failed session request: `code` is the server's error code, or 'network' when no answer came. */
export class SessionError extends Error {
  constructor(
    readonly code: ApiError['code'] | 'network',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

/** Exchanges the site key (and the stored visitor token, if any) for a valid token and the site's greeting. */
export async function fetchSession(
  baseUrl: string,
  request: WidgetSessionRequest,
): Promise<WidgetSessionResponse> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      credentials: 'omit',
    });
  } catch {
    throw new SessionError('network', 'The chat server could not be reached.', 0);
  }
  const body = (await response.json().catch(() => null)) as WidgetSessionResponse | RestErrorBody | null;
  if (response.ok && body && 'token' in body) return body;
  const error = body && 'error' in body ? body.error : null;
  throw new SessionError(
    error?.code ?? (response.status >= 500 ? 'internal' : 'network'),
    error?.message ?? `HTTP ${response.status}`,
    response.status,
  );
}
