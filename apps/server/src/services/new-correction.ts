import type { Agent, ContextTurn, CorrectionKind, CorrectionReason, Message } from '@hitl/shared/models';
import { toContextTurns } from '../domain/context-turns';
import { editDistance } from '../domain/edit-distance';
import { createId } from '../lib/ids';
import type { NewCorrection } from '../store/store';
import { authorOf, nowIso, type ServiceContext } from './service-context';

/** Turns a correction keeps as its context: the last ones before the corrected reply. */
const CONTEXT_TURNS = 20;

/** The context of a correction: the customer's and the replies' turns in `before`, the last 20. */
export function correctionContext(before: Message[]): ContextTurn[] {
  return toContextTurns(before).slice(-CONTEXT_TURNS);
}

/** The context of a correction of `message`, read from its conversation: what the customer saw before it. */
export async function readCorrectionContext(
  ctx: Pick<ServiceContext, 'store'>,
  message: Pick<Message, 'conversationId' | 'seq'>,
): Promise<ContextTurn[]> {
  const visible = await ctx.store.listMessages(message.conversationId, {
    afterSeq: 0,
    includeInternal: false,
  });
  return correctionContext(visible.filter((m) => m.seq < message.seq));
}

export interface CorrectionFacts {
  conversationId: string;
  messageId: string;
  context: ContextTurn[];
  /** The bot's reply that is replaced, or null when the bot gave none. */
  original: Message | null;
  correctedText: string;
  kind: CorrectionKind;
  reasons: CorrectionReason[];
  note: string | null;
  agent: Agent;
  timeSpentMs: number | null;
}

/**
 * A correction with its provenance, on every path (a rewritten reply, an edited or rejected draft, a
 * person's answer): what the bot said and with which confidence, responder, model and topic, the
 * edit distance from it (computed, never typed), who corrected it and when.
 */
export function newCorrection(ctx: ServiceContext, facts: CorrectionFacts): NewCorrection {
  const originalText = facts.original?.text ?? '';
  const bot = facts.original?.bot ?? null;
  return {
    id: createId('cor'),
    conversationId: facts.conversationId,
    messageId: facts.messageId,
    context: facts.context,
    original: {
      text: originalText,
      confidence: bot?.confidence ?? null,
      responder: bot?.responder ?? null,
      modelId: bot?.modelId ?? null,
    },
    correctedText: facts.correctedText,
    topic: bot?.topic ?? null,
    kind: facts.kind,
    reasons: facts.reasons,
    note: facts.note,
    agent: authorOf(facts.agent),
    editDistance: editDistance(originalText, facts.correctedText),
    timeSpentMs: facts.timeSpentMs,
    createdAt: nowIso(ctx),
  };
}
