import type { Agent, Message } from '@hitl/shared/models';
import { appendAndNotify } from './append-and-notify';
import { DomainError } from './domain-error';
import { authorOf, type ServiceContext } from './service-context';

export interface NoteInput {
  conversationId: string;
  clientId: string;
  text: string;
}

/**
 * An agent's internal note: stored `internal` with role `note`, so everything that serves the customer
 * (the widget's broadcasts and catch-up, e-mail quotes), the search and the datasets (built from public
 * turns) leaves it out, and it is not a reply (no human-answer example, no change of owner). Any agent may
 * write one, in any state: a note is how a colleague leaves context for whoever picks the chat up.
 * Idempotent on clientId, like a reply.
 */
export async function addInternalNote(ctx: ServiceContext, agent: Agent, input: NoteInput): Promise<Message> {
  const conversation = await ctx.store.getConversation(input.conversationId);
  if (!conversation) throw new DomainError('not_found', 'No such conversation.');
  const { message } = await appendAndNotify(ctx, conversation.id, {
    role: 'note',
    visibility: 'internal',
    text: input.text,
    clientId: input.clientId,
    author: authorOf(agent),
  });
  // The client id of a reply reused for a note returns the reply: say so rather than pass it off as a note.
  if (message.role !== 'note')
    throw new DomainError('conflict', 'This client id was already used for another message.');
  return message;
}
