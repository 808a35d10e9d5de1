import type { PolicyResponse } from '@hitl/shared/rest';
import {
  type PrioritizedReviewItem,
  type ReviewItemStatus,
  type ReviewMarkInput,
  type ReviewMarkResult,
  type ReviewOrder,
  reviewItemListResponseSchema,
} from '@hitl/shared/review-items';
import { type ThresholdAdviceResponse, thresholdAdviceResponseSchema } from '@hitl/shared/threshold-advice';
import { type AgentSocket, request } from './agent-socket';
import { ApiRequestError } from './api-error';
import { fetchJson } from './http';

export type ReviewStatusFilter = ReviewItemStatus | 'any';

/** The review-later list in the chosen order, each item with what reviewing it is worth. */
export async function listReviewItems(
  status: ReviewStatusFilter,
  order: ReviewOrder,
): Promise<PrioritizedReviewItem[]> {
  const query = new URLSearchParams({ status, order });
  const body = await fetchJson<unknown>(`/api/review-items?${query}`);
  return parse(reviewItemListResponseSchema, body).items;
}

/** Right, or corrected (sent to the customer as a follow-up while they are still there). */
export function markReviewItem(socket: AgentSocket, input: ReviewMarkInput): Promise<ReviewMarkResult> {
  return request(socket, 'review:mark', input);
}

export async function fetchThresholdAdvice(accuracy: number): Promise<ThresholdAdviceResponse> {
  const query = new URLSearchParams({ accuracy: String(accuracy) });
  return parse(thresholdAdviceResponseSchema, await fetchJson<unknown>(`/api/threshold-advice?${query}`));
}

/** Sets the advised answer threshold of one scope (null: global); admins only, audited by the server. */
export function applyThresholdAdvice(topic: string | null, accuracy: number): Promise<PolicyResponse> {
  return fetchJson<PolicyResponse>('/api/admin/threshold-advice/apply', {
    method: 'POST',
    body: { topic, accuracy },
  });
}

function parse<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  body: unknown,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiRequestError('internal', 'Unexpected answer from the server.');
  return parsed.data;
}
