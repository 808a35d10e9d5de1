import type { Agent, Conversation, Correction, Message } from '@hitl/shared/models';
import { correctionContext, newCorrection } from './new-correction';
import type { ServiceContext } from './service-context';

const escalationNotices = new Set(['escalated', 'no_agent_online']);

/**
 * The first reply an agent writes after the bot escalated is a `human_answer` example: the
 * question the bot could not handle, answered by a person. Its "original" is the reply the bot
 * withheld, when there was one. Later replies in the same hand-over are not examples.
 */
export async function recordHumanAnswer(
  ctx: ServiceContext,
  agent: Agent,
  conversation: Conversation,
  reply: Message,
): Promise<Correction | null> {
  const messages = await ctx.store.listMessages(conversation.id, {
    afterSeq: conversation.botContextFromSeq,
    includeInternal: true,
  });
  const before = messages.filter((m) => m.seq < reply.seq);
  const escalationIndex = before.findLastIndex((m) => m.notice !== null && escalationNotices.has(m.notice));
  if (escalationIndex < 0) return null;
  const since = before.slice(escalationIndex + 1);
  if (since.some((m) => m.role === 'agent')) return null;

  const publicBefore = before.filter((m) => m.visibility === 'public');
  const context = correctionContext(publicBefore);
  if (context.at(-1)?.role !== 'customer' && !context.some((t) => t.role === 'customer')) return null;
  const withheld = before
    .slice(0, escalationIndex)
    .findLast((m) => m.role === 'bot' && m.visibility === 'internal' && m.draft === null);

  const correction = await ctx.store.createCorrection(
    newCorrection(ctx, {
      conversationId: conversation.id,
      messageId: reply.id,
      context,
      // The reply the bot withheld, when there was one: its text and topic are the original's.
      original: withheld ?? null,
      correctedText: reply.text,
      kind: 'human_answer',
      reasons: [],
      note: conversation.reasons.map((r) => `${r.signal} ${r.value}`).join(', ') || null,
      agent,
      timeSpentMs: conversation.escalatedAt
        ? Math.max(0, Date.parse(reply.createdAt) - Date.parse(conversation.escalatedAt))
        : null,
    }),
  );
  ctx.notifier.correctionCreated(correction);
  return correction;
}
