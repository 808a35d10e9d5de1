import type { PublicConversation } from '@hitl/shared/widget-events';
import { appendNotice } from './append-and-notify';
import { DomainError } from './domain-error';
import { nowIso, type ServiceContext } from './service-context';
import { ownsConversation, toPublicConversation, type Visitor } from './visitor';

/** Nobody was online: the customer leaves an e-mail so the team can reply later. */
export async function leaveContact(
  ctx: ServiceContext,
  visitor: Visitor,
  input: { conversationId: string; email: string },
): Promise<PublicConversation> {
  const current = await ctx.store.getConversation(input.conversationId);
  if (!current || !ownsConversation(visitor, current))
    throw new DomainError('not_found', 'No such conversation.');
  if (current.state === 'closed') throw new DomainError('invalid_state', 'The conversation is closed.');
  const updated = await ctx.store.setConversationContact(current.id, input.email, nowIso(ctx));
  if (!updated) throw new DomainError('not_found', 'No such conversation.');
  const { conversation } = await appendNotice(ctx, current.id, 'contact_saved', undefined, input.email);
  ctx.notifier.conversationChanged(conversation, 'updated');
  return toPublicConversation(conversation);
}
