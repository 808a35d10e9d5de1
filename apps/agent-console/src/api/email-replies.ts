import type { Message } from '@hitl/shared/models';
import type { EmailReplyRequest, EmailReplyResponse, FeaturesResponse } from '@hitl/shared/rest';
import { fetchJson } from './http';

/** What this server can do that depends on its configuration (e-mail replies need SMTP_URL). */
export function fetchFeatures(): Promise<FeaturesResponse> {
  return fetchJson<FeaturesResponse>('/api/features');
}

/**
 * Sends an agent's reply by e-mail to the address the customer left. The same `clientId` again retries a
 * failed reply (and never sends a sent one twice).
 */
export async function sendEmailReply(conversationId: string, input: EmailReplyRequest): Promise<Message> {
  const { message } = await fetchJson<EmailReplyResponse>(
    `/api/conversations/${encodeURIComponent(conversationId)}/email-replies`,
    { method: 'POST', body: input },
  );
  return message;
}
