import type { ErrorCode, PayloadIssue } from '@hitl/shared/errors';

/** An expected failure with a client-facing code; transports map it to an ack error or HTTP status. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Where in the request each problem is, for `invalid_payload`. */
    readonly issues?: PayloadIssue[],
  ) {
    super(message);
  }
}
