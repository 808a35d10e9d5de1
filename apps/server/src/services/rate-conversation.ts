import type { ConversationRateInput, PublicConversation } from '@hitl/shared/widget-events';
import { DomainError } from './domain-error';
import { nowIso, type ServiceContext } from './service-context';
import { ownsConversation, toPublicConversation, type Visitor } from './visitor';

/** The customer rates a closed conversation, once. The store refuses a second rating, so two tabs cannot both rate. */
export async function rateConversation(
  ctx: ServiceContext,
  visitor: Visitor,
  input: ConversationRateInput,
): Promise<PublicConversation> {
  const current = await ctx.store.getConversation(input.conversationId);
  if (!current || !ownsConversation(visitor, current))
    throw new DomainError('not_found', 'No such conversation.');
  if (current.state !== 'closed')
    throw new DomainError('invalid_state', 'A conversation is rated after it is closed.');
  if (current.satisfaction !== null) throw new DomainError('already_rated', 'This conversation was rated.');
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  const rated = await ctx.store.rateConversation({
    conversationId: current.id,
    visitorId: visitor.visitorId,
    rating: input.rating,
    comment,
    ratedAt: nowIso(ctx),
  });
  if (!rated) throw new DomainError('already_rated', 'This conversation was rated.');
  ctx.notifier.conversationChanged(rated, 'updated');
  return toPublicConversation(rated);
}
