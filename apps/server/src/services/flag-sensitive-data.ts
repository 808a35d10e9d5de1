import type { Conversation } from '@hitl/shared/models';
import { sensitiveDataReason } from '../domain/escalation';
import type { SensitiveFinding } from '../domain/signals/sensitive-data';
import { nowIso, type ServiceContext } from './service-context';

/**
 * Sensitive data sent while the conversation waits for or is with a person: it is not the bot's turn, so no
 * escalation decides anything, but the agents still see the reason (the queue orders by it).
 */
export async function flagSensitiveData(
  ctx: ServiceContext,
  conversation: Conversation,
  findings: SensitiveFinding[],
): Promise<void> {
  const reason = sensitiveDataReason(findings, ctx.policy());
  if (!reason) return;
  const known = conversation.reasons.some((r) => r.signal === 'sensitive_data' && r.value === reason.value);
  if (known) return;
  const updated = await ctx.store.transitionConversation(conversation.id, ['queued', 'agent'], {
    reasons: [...conversation.reasons, reason],
    updatedAt: nowIso(ctx),
  });
  if (updated) ctx.notifier.conversationChanged(updated, 'updated');
}
