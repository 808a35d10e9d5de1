import type { AnswerMarkResult } from '@hitl/shared/agent-events';
import type { Agent, Conversation, Correction, Message } from '@hitl/shared/models';
import { StoreConflictError } from '../store/store-errors';
import { assertPermitted } from './auth/assert-permitted';
import { DomainError } from './domain-error';
import { correctionContext, newCorrection } from './new-correction';
import { auditOnce } from './operations/pending-operations';
import { authorOf, type ServiceContext } from './service-context';

/**
 * An agent marks their own reply as the answer to the customer's question: it becomes a `human_answer`
 * example, pending review. Nothing an agent writes is an example until marked (a greeting or a warning
 * never is). The correction's id is derived from the reply's, so the store's unique id makes a repeated
 * or concurrent mark record one correction. Unmarking deletes it while nobody has reviewed it yet.
 */
export async function markHumanAnswer(
  ctx: ServiceContext,
  agent: Agent,
  input: { messageId: string; marked: boolean },
): Promise<AnswerMarkResult> {
  assertPermitted(agent, 'correction.create');
  const reply = await ctx.store.getMessage(input.messageId);
  if (!reply) throw new DomainError('not_found', 'No such message.');
  if (reply.role !== 'agent' || reply.visibility !== 'public')
    throw new DomainError('invalid_state', 'Only a reply to the customer can be marked as the answer.');
  if (reply.author?.id !== agent.id)
    throw new DomainError('not_owner', 'Only the agent who wrote a reply can mark it as the answer.');
  const conversation = await ctx.store.getConversation(reply.conversationId);
  if (!conversation) throw new DomainError('not_found', 'No such conversation.');
  return input.marked ? mark(ctx, agent, conversation, reply) : unmark(ctx, conversation, reply);
}

async function mark(
  ctx: ServiceContext,
  agent: Agent,
  conversation: Conversation,
  reply: Message,
): Promise<AnswerMarkResult> {
  // A link left by an earlier mark is kept; one whose correction is gone (cut between two writes) is redone.
  const linked = reply.correctionId ? await ctx.store.getCorrection(reply.correctionId) : null;
  if (linked) return { message: reply, correction: linked };

  const messages = await ctx.store.listMessages(reply.conversationId, { afterSeq: 0, includeInternal: true });
  const before = messages.filter((m) => m.seq < reply.seq);
  if (messages.some((m) => m.draft?.publishedMessageId === reply.id))
    throw new DomainError('invalid_state', 'This reply is already recorded as a correction of the draft.');
  const question = before.findLast((m) => m.role === 'customer' && m.visibility === 'public');
  if (!question) throw new DomainError('invalid_state', 'No customer question comes before this reply.');
  // The context ends with the question, as every correction's does; the withheld bot reply is the original.
  const context = correctionContext(before.filter((m) => m.visibility === 'public' && m.seq <= question.seq));
  const withheld = before.findLast(
    (m) => m.seq > question.seq && m.role === 'bot' && m.visibility === 'internal' && m.draft === null,
  );
  const escalatedAt = conversation.escalatedAt ? Date.parse(conversation.escalatedAt) : Number.NaN;
  const prepared = {
    ...newCorrection(ctx, {
      conversationId: conversation.id,
      messageId: reply.id,
      context,
      original: withheld ?? null,
      correctedText: reply.text,
      kind: 'human_answer',
      reasons: [],
      note: conversation.reasons.map((r) => `${r.signal} ${r.value}`).join(', ') || null,
      agent,
      timeSpentMs:
        escalatedAt <= Date.parse(reply.createdAt) ? Date.parse(reply.createdAt) - escalatedAt : null,
    }),
    id: answerCorrectionId(reply.id),
  };
  let correction: Correction;
  let created = true;
  try {
    correction = await ctx.store.createCorrection(prepared);
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
    const existing = await ctx.store.getCorrection(prepared.id);
    if (!existing) throw error;
    correction = existing;
    created = false;
  }
  await ctx.store.setMessageCorrection(reply.id, correction.id);
  const message = { ...reply, correctionId: correction.id };
  ctx.notifier.messageUpdated(conversation, message);
  // Keyed by the correction and its creation, so a mark finished after an interruption is audited once.
  await auditOnce(ctx, {
    id: `aud_${correction.id}_${Date.parse(correction.createdAt).toString(36)}`,
    actor: authorOf(agent),
    action: 'correction.created',
    target: correction.id,
    data: { messageId: reply.id, kind: correction.kind, reasons: [] },
    at: correction.createdAt,
  });
  if (created) ctx.notifier.correctionCreated(correction);
  return { message, correction };
}

async function unmark(
  ctx: ServiceContext,
  conversation: Conversation,
  reply: Message,
): Promise<AnswerMarkResult> {
  if (!reply.correctionId) return { message: reply, correction: null };
  // Deleted only while pending: a reviewed example stays what the reviewer decided.
  const deleted = await ctx.store.deletePendingCorrection(reply.correctionId);
  if (!deleted) {
    const reviewed = await ctx.store.getCorrection(reply.correctionId);
    if (reviewed)
      throw new DomainError(
        'invalid_state',
        `This answer was already ${reviewed.review.status}${reviewed.review.reviewer ? ` by ${reviewed.review.reviewer.name}` : ''}; it stays.`,
      );
  }
  await ctx.store.setMessageCorrection(reply.id, null);
  const message = { ...reply, correctionId: null };
  ctx.notifier.messageUpdated(conversation, message);
  if (deleted) ctx.notifier.correctionWithdrawn(reply.correctionId);
  return { message, correction: null };
}

/** One correction per reply: the id is the reply's, so the store's unique key keeps a second mark out. */
export function answerCorrectionId(messageId: string): string {
  return `cor_ans_${messageId}`;
}
