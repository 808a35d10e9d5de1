import type { ContextTurn, Message } from '@hitl/shared/models';
import { computeSignals } from '../domain/compute-signals';
import { botMaySpeak } from '../domain/conversation';
import { decideEscalation } from '../domain/escalation';
import { detectExplicitRequest } from '../domain/explicit-request';
import { countConsecutiveLowConfidence } from '../domain/signals/repeated-fallback';
import type { ResponderAnswer } from '../responder/responder';
import { appendAndNotify, appendNotice } from './append-and-notify';
import { escalateConversation } from './escalate-conversation';
import type { ServiceContext } from './service-context';

const HISTORY_TURNS = 20;

/**
 * The bot's turn after a customer message: pre-checks, the responder, the policy, then
 * answer, draft or escalate. Runs inside the conversation's queue, so a claim cannot interleave.
 */
export async function runBotTurn(
  ctx: ServiceContext,
  conversationId: string,
  question: Message,
): Promise<void> {
  const conversation = await ctx.store.getConversation(conversationId);
  if (!conversation || !botMaySpeak(conversation.state)) return;
  // A turn from before the last hand-back belongs to the agent's part of the conversation.
  if (question.seq <= conversation.botContextFromSeq) return;

  const policy = ctx.policy();
  const earlier = await messagesBefore(ctx, conversationId, conversation.botContextFromSeq, question.seq);
  const explicitRequest = detectExplicitRequest(question.text);
  let answer: ResponderAnswer | null = null;
  let modelFailed = false;
  if (explicitRequest === null) {
    ctx.notifier.botTyping(conversation, true);
    try {
      answer = await ctx.responder.answer({
        conversationId,
        question: question.text,
        history: toContextTurns(earlier).slice(-HISTORY_TURNS),
      });
    } catch (err) {
      ctx.logger.warn({ err, conversationId }, 'responder failed');
      modelFailed = true;
    } finally {
      ctx.notifier.botTyping(conversation, false);
    }
  }

  const signals = computeSignals(
    {
      text: question.text,
      confidence: answer?.confidence ?? null,
      topic: null,
      earlierCustomerTexts: earlier.filter((m) => m.role === 'customer').map((m) => m.text),
      consecutiveLowConfidence: countConsecutiveLowConfidence(
        earlier.filter((m) => m.role === 'bot').map((m) => m.bot?.confidence ?? null),
        policy.confidenceThreshold,
      ),
      modelFailed,
    },
    policy,
  );
  const decision = decideEscalation(signals, policy);
  const bot = answer && {
    confidence: answer.confidence,
    responder: answer.responder,
    modelId: answer.modelId,
    sources: answer.sources,
    alternatives: answer.alternatives,
  };

  if (decision.action === 'escalate') {
    // The withheld answer stays visible to agents as a suggestion (and can be corrected).
    if (answer && bot) {
      await appendAndNotify(ctx, conversationId, {
        role: 'bot',
        visibility: 'internal',
        text: answer.text,
        bot,
      });
    }
    await escalateConversation(ctx, conversationId, decision.reasons);
    return;
  }
  if (!answer || !bot) return;
  if (decision.action === 'answer') {
    await appendAndNotify(ctx, conversationId, { role: 'bot', text: answer.text, bot });
    return;
  }
  // draft: held for an agent's review; the customer is told a person is reviewing it.
  const held = await appendAndNotify(ctx, conversationId, {
    role: 'bot',
    visibility: 'internal',
    text: answer.text,
    bot,
    draft: {
      status: 'pending',
      reasons: decision.reasons,
      reviewer: null,
      reviewedAt: null,
      publishedMessageId: null,
    },
  });
  ctx.notifier.draftCreated(held.conversation, held.message);
  await appendNotice(ctx, conversationId, 'reviewing');
}

/** The public turns since the context boundary, before the question, oldest first. */
async function messagesBefore(
  ctx: ServiceContext,
  conversationId: string,
  fromSeq: number,
  beforeSeq: number,
): Promise<Message[]> {
  const messages = await ctx.store.listMessages(conversationId, {
    afterSeq: fromSeq,
    includeInternal: false,
  });
  return messages.filter((m) => m.seq < beforeSeq);
}

export function toContextTurns(messages: Message[]): ContextTurn[] {
  const turns: ContextTurn[] = [];
  for (const m of messages) {
    if (m.role === 'customer' || m.role === 'bot' || m.role === 'agent')
      turns.push({ role: m.role, text: m.text });
  }
  return turns;
}
