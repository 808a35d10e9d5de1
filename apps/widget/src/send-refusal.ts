import type { ApiError } from '@hitl/shared/errors';

/** What the widget does about an error ack. */
export type Refusal = 'fail' | 'new-conversation' | 'reauthenticate' | 'retry';

/** The text itself was refused: sending it again cannot succeed. */
const REFUSED_TEXT: readonly ApiError['code'][] = ['invalid_payload', 'payload_too_large', 'conflict'];
/** The conversation we named is gone or not ours any more. */
const STALE_CONVERSATION: readonly ApiError['code'][] = [
  'not_found',
  'forbidden',
  'invalid_state',
  'not_owner',
];

/** Decides how to handle an error ack; `namedConversation` says whether the request carried a conversation id. */
export function classifyRefusal(code: ApiError['code'], namedConversation: boolean): Refusal {
  if (REFUSED_TEXT.includes(code)) return 'fail';
  if (STALE_CONVERSATION.includes(code)) return namedConversation ? 'new-conversation' : 'fail';
  if (code === 'unauthorized') return 'reauthenticate';
  return 'retry'; // rate_limited, internal …: transient
}
