import type { BotMeta, Message } from '@hitl/shared/models';
import { noticeText } from '@hitl/shared/system-notices';
import { computeMessageSignals, type MessageSignals, withAnswer } from '../domain/compute-signals';
import { toContextTurns } from '../domain/context-turns';
import { botMaySpeak, botSpeakingStates } from '../domain/conversation';
import { decideEscalation, type EscalationPolicy, resolveReviewThreshold } from '../domain/escalation';
import { countConsecutiveLowConfidence } from '../domain/signals/repeated-fallback';
import { createId } from '../lib/ids';
import type { ResponderAnswer } from '../responder/responder';
import type { AppendPrecondition } from '../store/store';
import { addReviewItem } from './add-review-item';
import { appendBotAndNotify } from './append-and-notify';
import { type BotStream, openBotStream } from './bot-stream';
import { escalateConversation } from './escalate-conversation';
import type { ServiceContext } from './service-context';
import type { BotTurnOptions } from './start-bot-turn';
import { eventIdFor, recordEvent } from './timeline/record-event';

const HISTORY_TURNS = 20;
/**
 * The messages before the question a turn reads: the model's history and the signals' (sentiment trend, low
 * confidence in a row) come from the latest ones, and a long conversation's turn reads no more.
 */
const CONTEXT_MESSAGES = 2 * HISTORY_TURNS;
/** How long the model may think before the customer sees the bot typing. */
const TYPING_DELAY_MS = 300;

/**
 * The bot's turn after a customer message: pre-checks, the responder, the policy, then
 * answer, draft or escalate. It holds no lock while the model thinks: claims, replies and closes go
 * on meanwhile, and every message the turn produces is stored only if the conversation is still as
 * the turn saw it (the store's precondition, which holds across nodes). A refused reply is dropped.
 */
export async function runBotTurn(
  ctx: ServiceContext,
  question: Message,
  options: BotTurnOptions = {},
): Promise<void> {
  const { conversationId } = question;
  const { resumedTurnId, storedWith } = options;
  const conversation = storedWith ?? (await ctx.store.getConversation(conversationId));
  if (!conversation || !botMaySpeak(conversation.state)) return;
  // A turn from before the last hand-back belongs to the agent's part of the conversation.
  if (question.seq <= conversation.botContextFromSeq) return;
  // Another turn answered it already (a resent message, or a restart resuming a turn another node ran). A
  // question stored just now has had no turn yet: the read is spared (the store refuses a second reply anyway).
  if (
    storedWith === undefined &&
    resumedTurnId === undefined &&
    (await ctx.store.wasAnswered(conversationId, question.seq))
  )
    return;
  const turnId = resumedTurnId ?? createId('turn');

  const policy = ctx.policy();
  const earlier = await ctx.store.listTurnContext(conversationId, {
    afterSeq: conversation.botContextFromSeq,
    beforeSeq: question.seq,
    limit: CONTEXT_MESSAGES,
  });
  const earlierCustomer = earlier.filter((m) => m.role === 'customer');
  // Computed once: the streaming decision below and the policy after the answer read the same signals.
  const messageSignals = computeMessageSignals({
    text: question.text,
    earlierCustomerTexts: earlierCustomer.map((m) => m.text),
    sentimentScores: [...earlierCustomer, question].map((m) => ctx.sentiments.scoreOf(m)),
    consecutiveLowConfidence: countConsecutiveLowConfidence(
      earlier.filter((m) => m.role === 'bot').map((m) => m.confidence),
      // An answer in the review band was good enough to send: only those below it were fallbacks.
      resolveReviewThreshold(policy, null),
    ),
    ingestFindings: options.findings ?? [],
  });
  const { explicitRequest } = messageSignals;
  // Only a reply the policy would send as it is gets streamed: decided before the answer exists.
  const before =
    explicitRequest === null && ctx.responder.answerStream
      ? withAnswer(messageSignals, { confidence: null, topic: null, modelFailed: false }, policy)
      : null;
  const stream =
    before && decideEscalation(before, policy).action === 'answer'
      ? openBotStream(ctx.notifier, conversation, async () => {
          const now = await ctx.store.getConversation(conversationId);
          return (
            now !== null && botMaySpeak(now.state) && now.botContextFromSeq === conversation.botContextFromSeq
          );
        })
      : null;
  try {
    let answer: ResponderAnswer | null = null;
    let modelFailed = false;
    if (explicitRequest === null) {
      // The indicator only for a model that takes a while: the offline model answers in about a millisecond,
      // and two events per turn for a flicker nobody sees cost a good share of the turn.
      let typing = false;
      const showTyping = setTimeout(() => {
        typing = true;
        ctx.notifier.botTyping(conversation, true);
      }, TYPING_DELAY_MS);
      try {
        const context = {
          conversationId,
          question: question.text,
          history: toContextTurns(earlier).slice(-HISTORY_TURNS),
        };
        answer =
          stream && ctx.responder.answerStream
            ? await ctx.responder.answerStream(context, stream.push)
            : await ctx.responder.answer(context);
      } catch (err) {
        ctx.logger.warn({ err, conversationId }, 'responder failed');
        modelFailed = true;
      } finally {
        clearTimeout(showTyping);
        if (typing) ctx.notifier.botTyping(conversation, false);
      }
    }
    const expected: AppendPrecondition = {
      states: botSpeakingStates,
      botContextFromSeq: conversation.botContextFromSeq,
      // One reply per question, whoever computes it: the store refuses a second turn's messages.
      turn: { questionSeq: question.seq, turnId },
    };
    ctx.faults.reached('bot_turn:answered');
    const turn = { conversationId, policy, stream, question, expected };
    await actOnAnswer(ctx, turn, messageSignals, modelFailed, answer);
  } finally {
    // Whatever went wrong, the customer's preview must not stay.
    stream?.end(false);
  }
}

interface Turn {
  conversationId: string;
  policy: EscalationPolicy;
  stream: BotStream | null;
  question: Message;
  /** What the turn saw: its messages are stored only while this still holds. */
  expected: AppendPrecondition;
}

/** The policy's decision on the answer (or on its absence): answer, draft or escalate. */
async function actOnAnswer(
  ctx: ServiceContext,
  turn: Turn,
  messageSignals: MessageSignals,
  modelFailed: boolean,
  answer: ResponderAnswer | null,
): Promise<void> {
  const { conversationId, policy, stream, question, expected } = turn;
  const refused = (what: string) => {
    ctx.logger.debug({ conversationId, what }, 'bot turn outdated: the conversation moved on; dropped');
  };
  const signals = withAnswer(
    messageSignals,
    { confidence: answer?.confidence ?? null, topic: answer?.topic ?? null, modelFailed },
    policy,
  );
  const decision = decideEscalation(signals, policy);
  const bot: BotMeta | null = answer && {
    confidence: answer.confidence,
    responder: answer.responder,
    modelId: answer.modelId,
    ...(answer.modelVersion ? { modelVersion: answer.modelVersion } : {}),
    sources: answer.sources,
    alternatives: answer.alternatives,
    topic: answer.topic ?? null,
    ...(answer.confidenceParts ? { confidenceParts: answer.confidenceParts } : {}),
    ...(answer.usage ? { usage: answer.usage } : {}),
  };
  if (decision.action !== 'answer') stream?.end(false);

  if (decision.action === 'escalate') {
    // The withheld answer stays visible to agents as a suggestion (and can be corrected).
    if (answer && bot) {
      const withheld = await appendBotAndNotify(
        ctx,
        conversationId,
        { role: 'bot', visibility: 'internal', text: answer.text, bot },
        expected,
      );
      if (!withheld) return refused('withheld reply');
    }
    const queued = await escalateConversation(
      ctx,
      conversationId,
      decision.reasons,
      expected.botContextFromSeq,
    );
    if (!queued) refused('escalation');
    return;
  }
  if (!answer || !bot) return;
  if (decision.action === 'answer') {
    // A streamed reply is stored once, under the id its preview had.
    const sent = await appendBotAndNotify(
      ctx,
      conversationId,
      { ...(stream ? { id: stream.id } : {}), role: 'bot', text: answer.text, bot },
      expected,
    );
    // Refused: the preview disappears (the caller's `finally` ends the stream as not kept).
    if (!sent) return refused('answer');
    stream?.end(true);
    if (decision.reviewLater) await addReviewItem(ctx, question, sent.message, decision.reasons);
    return;
  }
  // draft: held for an agent's review; the customer is told a person is reviewing it.
  const held = await appendBotAndNotify(
    ctx,
    conversationId,
    {
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
    },
    expected,
  );
  if (!held) return refused('draft');
  ctx.notifier.draftCreated(held.conversation, held.message);
  await recordEvent(ctx, {
    id: eventIdFor(held.message.id),
    conversationId,
    kind: 'draft_held',
    actor: null,
    at: held.message.createdAt,
    reasons: decision.reasons,
    messageId: held.message.id,
  });
  // Under the same precondition: once a person has the conversation, "someone is reviewing" is not true.
  const notice = { role: 'system' as const, text: noticeText('reviewing'), notice: 'reviewing' as const };
  if (!(await appendBotAndNotify(ctx, conversationId, notice, expected))) refused('reviewing notice');
}
