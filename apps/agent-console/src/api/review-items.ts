import { type PolicyResponse, policyResponseSchema } from '@hitl/shared/rest';
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
import { fetchParsed } from './http';

export type ReviewStatusFilter = ReviewItemStatus | 'any';

/** The review-later list in the chosen order, each item with what reviewing it is worth. */
export async function listReviewItems(
  status: ReviewStatusFilter,
  order: ReviewOrder,
): Promise<PrioritizedReviewItem[]> {
  const query = new URLSearchParams({ status, order });
  return (await fetchParsed(reviewItemListResponseSchema, `/api/review-items?${query}`)).items;
}

/** Right, or corrected (sent to the customer as a follow-up while they are still there). */
export function markReviewItem(socket: AgentSocket, input: ReviewMarkInput): Promise<ReviewMarkResult> {
  return request(socket, 'review:mark', input);
}

export async function fetchThresholdAdvice(accuracy: number): Promise<ThresholdAdviceResponse> {
  const query = new URLSearchParams({ accuracy: String(accuracy) });
  return fetchParsed(thresholdAdviceResponseSchema, `/api/threshold-advice?${query}`);
}

/** Sets the advised answer threshold of one scope (null: global); admins only, audited by the server. */
export function applyThresholdAdvice(topic: string | null, accuracy: number): Promise<PolicyResponse> {
  return fetchParsed(policyResponseSchema, '/api/admin/threshold-advice/apply', {
    method: 'POST',
    body: { topic, accuracy },
  });
}
