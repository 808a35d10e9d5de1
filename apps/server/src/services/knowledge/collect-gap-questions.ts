import { type GapQuestion, normalizeExample } from '@hitl/shared/knowledge';
import type { Message } from '@hitl/shared/models';
import { resolveThreshold } from '../../domain/escalation';
import type { ServiceContext } from '../service-context';

/** A customer question no article answered well, with what an agent answered instead (when known). */
export interface GapEntry extends GapQuestion {
  agentAnswer: string | null;
  topic: string | null;
}

/** Messages read around a withheld reply to find its question and the agent's answer. */
const WINDOW_BEFORE = 20;
const WINDOW_AFTER = 40;

/**
 * The most recent `limit` questions since `since` whose bot answer was corrected (any review but a
 * rejection) or withheld below the confidence threshold of its topic, newest first.
 */
export async function collectGapQuestions(
  ctx: ServiceContext,
  since: string,
  limit: number,
): Promise<GapEntry[]> {
  const entries = new Map<string, GapEntry>();
  const corrections = await ctx.store.listCorrections({ status: 'any', since }, { limit, offset: 0 });
  for (const correction of corrections) {
    if (correction.review.status === 'rejected') continue;
    const question = [...correction.context].reverse().find((turn) => turn.role === 'customer');
    if (!question) continue;
    entries.set(keyOf(correction.conversationId, question.text), {
      text: question.text,
      conversationId: correction.conversationId,
      at: correction.createdAt,
      source: 'corrected',
      agentAnswer: correction.correctedText,
      topic: correction.topic,
    });
  }

  const policy = ctx.policy();
  const withheld = (await ctx.store.listWithheldReplies(since, limit)).filter(
    (reply) => reply.bot !== null && reply.bot.confidence < resolveThreshold(policy, reply.bot.topic),
  );
  for (const reply of withheld) {
    const around = await messagesAround(ctx, reply);
    const question = around.filter((m) => m.role === 'customer' && m.seq < reply.seq).pop();
    if (!question || entries.has(keyOf(reply.conversationId, question.text))) continue;
    const answer = around.find((m) => m.role === 'agent' && m.seq > reply.seq && m.visibility === 'public');
    entries.set(keyOf(reply.conversationId, question.text), {
      text: question.text,
      conversationId: reply.conversationId,
      at: reply.createdAt,
      source: 'low_confidence',
      agentAnswer: answer?.text ?? null,
      topic: reply.bot?.topic ?? null,
    });
  }
  return [...entries.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/**
 * One entry per question asked in a conversation: an agent's answer to an escalated question, once marked as
 * the answer, is recorded as a correction of its own (a `human_answer`), next to the withheld reply it answers.
 */
function keyOf(conversationId: string, question: string): string {
  return `${conversationId}\n${normalizeExample(question)}`;
}

/** The public messages just before and after a reply: its question and the agent's answer are there. */
function messagesAround(ctx: ServiceContext, reply: Message): Promise<Message[]> {
  return ctx.store.listMessages(reply.conversationId, {
    afterSeq: Math.max(0, reply.seq - WINDOW_BEFORE),
    includeInternal: false,
    limit: WINDOW_BEFORE + WINDOW_AFTER,
  });
}
