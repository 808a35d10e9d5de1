import type { Message } from '@hitl/shared/models';
import type { SensitiveFinding } from '../domain/signals/sensitive-data';
import { runBotTurn } from './run-bot-turn';
import type { ServiceContext } from './service-context';

/**
 * Queues the bot's turn on a stored customer message, in the background. Not in `conversationQueue`: a
 * claim must not wait for the model (the store keeps the bot silent after it).
 */
export function startBotTurn(
  ctx: ServiceContext,
  question: Message,
  findings: SensitiveFinding[] = [],
  resumedTurnId?: string,
): Promise<void> {
  const { conversationId } = question;
  return ctx.botTurnQueue
    .run(conversationId, () => runBotTurn(ctx, conversationId, question, findings, resumedTurnId))
    .catch((err: unknown) => ctx.logger.error({ err, conversationId }, 'bot turn failed'));
}
