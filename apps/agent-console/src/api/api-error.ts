import type { ErrorCode, PayloadIssue } from '@hitl/shared/errors';

/** Codes raised by the console itself when no server answer is available. */
export type ClientErrorCode = 'timeout' | 'network' | 'disconnected';

/** A failed request, REST or socket, carrying the server's code and human-readable message. */
export class ApiRequestError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number | null;
  /** With `invalid_payload`: each problem at its place in the request, for a form to show by its field. */
  readonly issues: readonly PayloadIssue[];

  constructor(
    code: ErrorCode | ClientErrorCode,
    message: string,
    status: number | null = null,
    issues: readonly PayloadIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
