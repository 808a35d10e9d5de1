import { z } from 'zod';

/** The closed set of error codes a client can receive, in an ack or a REST error body. */
export const errorCodes = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'already_claimed',
  'invalid_state',
  'not_owner',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'unknown_event',
  /** E-mail replies need SMTP_URL, which this server does not have. */
  'email_not_configured',
  /** The mail server refused or could not be reached; the reply is stored as failed and can be retried. */
  'email_failed',
  /** The agent already owns as many conversations as they may (AGENT_MAX_OPEN_CONVERSATIONS). */
  'at_capacity',
  /** The customer already rated this conversation; a rating is given once. */
  'already_rated',
  'internal',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** One problem of a refused body, at its place in it (`['rules', 2, 'patterns', 0]`), so a form can show it by the field. */
export const payloadIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type PayloadIssue = z.infer<typeof payloadIssueSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** With `invalid_payload`: each problem with its place, when the refusal came from a schema. */
  issues: z.array(payloadIssueSchema).optional(),
  /** With `rate_limited`: how long to wait before trying again. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Every Socket.IO request is acknowledged with exactly one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };
export type AckCallback<T> = (result: Ack<T>) => void;

/** REST errors: HTTP status + this body. */
export type RestErrorBody = { error: ApiError };

/** HTTP status used for each code by the REST transport. */
export const httpStatusByCode: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_claimed: 409,
  invalid_state: 409,
  not_owner: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unknown_event: 400,
  email_not_configured: 409,
  email_failed: 502,
  at_capacity: 409,
  already_rated: 409,
  internal: 500,
};
