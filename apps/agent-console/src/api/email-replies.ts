import type { Message } from '@hitl/shared/models';
import {
  type EmailReplyRequest,
  emailReplyResponseSchema,
  type FeaturesResponse,
  featuresResponseSchema,
} from '@hitl/shared/rest';
import { fetchParsed } from './http';

/** What this server can do that depends on its configuration (e-mail replies need SMTP_URL). */
export function fetchFeatures(): Promise<FeaturesResponse> {
  return fetchParsed(featuresResponseSchema, '/api/features');
}

/**
 * Sends an agent's reply by e-mail to the address the customer left. The same `clientId` again retries a
 * failed reply (and never sends a sent one twice).
 */
export async function sendEmailReply(conversationId: string, input: EmailReplyRequest): Promise<Message> {
  const { message } = await fetchParsed(
    emailReplyResponseSchema,
    `/api/conversations/${encodeURIComponent(conversationId)}/email-replies`,
    { method: 'POST', body: input },
  );
  return message;
}
