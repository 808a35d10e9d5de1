import type { DraftResult } from '@hitl/shared/agent-events';
import type { Agent, Conversation, Correction, DraftStatus, Message } from '@hitl/shared/models';
import { createId } from '../lib/ids';
import { appendAndNotify } from './append-and-notify';
import { DomainError } from './domain-error';
import { newCorrection, readCorrectionContext } from './new-correction';
import { authorOf, nowIso, type ServiceContext } from './service-context';

export type DraftDecision =
  | { kind: 'approve' }
  | {
      kind: 'edit' | 'reject';
      text: string;
      reasons: Correction['reasons'];
      note?: string | null | undefined;
      timeSpentMs?: number | null | undefined;
    };

const statusOf: Record<DraftDecision['kind'], DraftStatus> = {
  approve: 'approved',
  edit: 'edited',
  reject: 'rejected',
};

/**
 * An agent reviews a held bot reply in one step: approve sends it as it is; edit sends the agent's
 * version as the assistant's reply; reject sends the agent's own reply instead. Edit and reject are
 * corrections (`edited_draft`, `rejected_draft`). Exactly one of concurrent reviews wins.
 */
export function reviewDraft(
  ctx: ServiceContext,
  agent: Agent,
  messageId: string,
  decision: DraftDecision,
): Promise<DraftResult> {
  return withDraft(ctx, messageId, async (draft, conversation) => {
    const at = nowIso(ctx);
    const publishedId = createId('msg');
    const reviewed = await ctx.store.reviewDraft(draft.id, {
      ...(draft.draft ?? { reasons: [] }),
      status: statusOf[decision.kind],
      reviewer: authorOf(agent),
      reviewedAt: at,
      publishedMessageId: publishedId,
    });
    if (!reviewed) throw new DomainError('conflict', 'This draft has already been reviewed.');

    const { message: published, conversation: updated } = await appendAndNotify(ctx, conversation.id, {
      id: publishedId,
      ...(decision.kind === 'reject'
        ? { role: 'agent' as const, text: decision.text, author: authorOf(agent) }
        : {
            role: 'bot' as const,
            text: decision.kind === 'edit' ? decision.text : draft.text,
            bot: draft.bot,
          }),
    });
    ctx.notifier.messageUpdated(updated, reviewed);
    const correction =
      decision.kind === 'approve' ? null : await recordDraftCorrection(ctx, agent, draft, decision);
    await ctx.store.appendAudit({
      id: createId('aud'),
      actor: authorOf(agent),
      action: `draft.${statusOf[decision.kind]}`,
      target: draft.id,
      data: {
        conversationId: conversation.id,
        publishedMessageId: published.id,
        correctionId: correction?.id ?? null,
      },
      at,
    });
    return { draft: reviewed, published, correction };
  });
}

/** Runs `task` on a pending draft of a conversation still with the bot, inside that conversation's queue. */
async function withDraft<T>(
  ctx: ServiceContext,
  messageId: string,
  task: (draft: Message, conversation: Conversation) => Promise<T>,
): Promise<T> {
  const draft = await ctx.store.getMessage(messageId);
  if (!draft?.draft) throw new DomainError('not_found', 'No such draft.');
  return ctx.conversationQueue.run(draft.conversationId, async () => {
    const conversation = await ctx.store.getConversation(draft.conversationId);
    if (!conversation) throw new DomainError('not_found', 'No such conversation.');
    if (draft.draft?.status !== 'pending')
      throw new DomainError('conflict', 'This draft has already been reviewed.');
    if (conversation.state !== 'bot') {
      throw new DomainError(
        'invalid_state',
        `The conversation is ${conversation.state}; the draft can no longer be sent.`,
      );
    }
    return task(draft, conversation);
  });
}

async function recordDraftCorrection(
  ctx: ServiceContext,
  agent: Agent,
  draft: Message,
  decision: Extract<DraftDecision, { kind: 'edit' | 'reject' }>,
): Promise<Correction> {
  const correction = await ctx.store.createCorrection(
    newCorrection(ctx, {
      conversationId: draft.conversationId,
      messageId: draft.id,
      context: await readCorrectionContext(ctx, draft),
      original: draft,
      correctedText: decision.text,
      kind: decision.kind === 'edit' ? 'edited_draft' : 'rejected_draft',
      reasons: decision.reasons,
      note: decision.note ?? null,
      agent,
      timeSpentMs: decision.timeSpentMs ?? null,
    }),
  );
  await ctx.store.setMessageCorrection(draft.id, correction.id);
  ctx.notifier.correctionCreated(correction);
  return correction;
}
