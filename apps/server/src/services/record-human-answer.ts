import type { Agent, Conversation, Correction, Message } from '@hitl/shared/models';
import { editDistance } from '../domain/edit-distance';
import { createId } from '../lib/ids';
import { toContextTurns } from './run-bot-turn';
import { authorOf, nowIso, type ServiceContext } from './service-context';

const CONTEXT_TURNS = 20;
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
  const context = toContextTurns(publicBefore).slice(-CONTEXT_TURNS);
  if (context.at(-1)?.role !== 'customer' && !context.some((t) => t.role === 'customer')) return null;
  const withheld = before
    .slice(0, escalationIndex)
    .findLast((m) => m.role === 'bot' && m.visibility === 'internal' && m.draft === null);

  const correction = await ctx.store.createCorrection({
    id: createId('cor'),
    conversationId: conversation.id,
    messageId: reply.id,
    context,
    original: {
      text: withheld?.text ?? '',
      confidence: withheld?.bot?.confidence ?? null,
      responder: withheld?.bot?.responder ?? null,
      modelId: withheld?.bot?.modelId ?? null,
    },
    correctedText: reply.text,
    // The topic of the reply the bot withheld; null when there was none.
    topic: withheld?.bot?.topic ?? null,
    kind: 'human_answer',
    reasons: [],
    note: conversation.reasons.map((r) => `${r.signal} ${r.value}`).join(', ') || null,
    agent: authorOf(agent),
    editDistance: editDistance(withheld?.text ?? '', reply.text),
    timeSpentMs: conversation.escalatedAt
      ? Math.max(0, Date.parse(reply.createdAt) - Date.parse(conversation.escalatedAt))
      : null,
    createdAt: nowIso(ctx),
  });
  ctx.notifier.correctionCreated(correction);
  return correction;
}
