import type { Agent, Correction, CorrectionReason } from '@hitl/shared/models';
import { editDistance } from '../domain/edit-distance';
import { createId } from '../lib/ids';
import { DomainError } from './domain-error';
import { toContextTurns } from './run-bot-turn';
import { authorOf, nowIso, type ServiceContext } from './service-context';

export interface CorrectionInput {
  messageId: string;
  correctedText: string;
  reasons: CorrectionReason[];
  note?: string | null | undefined;
  timeSpentMs?: number | null | undefined;
}

const CONTEXT_TURNS = 20;

/** An agent marks a bot reply as wrong and writes the right one; stored with its full provenance. */
export async function recordCorrection(
  ctx: ServiceContext,
  agent: Agent,
  input: CorrectionInput,
): Promise<Correction> {
  const message = await ctx.store.getMessage(input.messageId);
  if (!message) throw new DomainError('not_found', 'No such message.');
  if (message.role !== 'bot' || !message.bot)
    throw new DomainError('invalid_state', 'Only bot replies can be corrected.');
  if (message.correctionId) throw new DomainError('conflict', 'This reply has already been corrected.');

  const earlier = await ctx.store.listMessages(message.conversationId, {
    afterSeq: 0,
    includeInternal: false,
  });
  const context = toContextTurns(earlier.filter((m) => m.seq < message.seq)).slice(-CONTEXT_TURNS);
  const correction = await ctx.store.createCorrection({
    id: createId('cor'),
    conversationId: message.conversationId,
    messageId: message.id,
    context,
    original: {
      text: message.text,
      confidence: message.bot.confidence,
      responder: message.bot.responder,
      modelId: message.bot.modelId,
    },
    correctedText: input.correctedText,
    topic: message.bot.topic ?? null,
    // A withheld (internal) reply was a draft the customer never saw; a public one was sent.
    kind: message.visibility === 'internal' ? 'edited_draft' : 'rewritten_reply',
    reasons: input.reasons,
    note: input.note ?? null,
    agent: authorOf(agent),
    editDistance: editDistance(message.text, input.correctedText),
    timeSpentMs: input.timeSpentMs ?? null,
    createdAt: nowIso(ctx),
  });
  await ctx.store.setMessageCorrection(message.id, correction.id);
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(agent),
    action: 'correction.created',
    target: correction.id,
    data: { messageId: message.id, kind: correction.kind, reasons: correction.reasons },
    at: correction.createdAt,
  });
  ctx.notifier.correctionCreated(correction);
  return correction;
}
