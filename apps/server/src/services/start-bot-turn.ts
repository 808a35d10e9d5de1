import type { Conversation, Message } from '@hitl/shared/models';
import type { SensitiveFinding } from '../domain/signals/sensitive-data';
import { runBotTurn } from './run-bot-turn';
import type { ServiceContext } from './service-context';

export interface BotTurnOptions {
  /** Sensitive data found in the message at ingest (before card numbers were masked). */
  findings?: SensitiveFinding[];
  /** Finishes the turn that took this question and died before its reply was stored (it keeps the turn's id). */
  resumedTurnId?: string;
  /** The conversation as the store returned it with the just-stored question. */
  storedWith?: Conversation;
}

/**
 * Queues the bot's turn on a stored customer message, in the background. Not in `conversationQueue`: a
 * claim must not wait for the model (the store keeps the bot silent after it).
 */
export function startBotTurn(
  ctx: ServiceContext,
  question: Message,
  options: BotTurnOptions = {},
): Promise<void> {
  const { conversationId } = question;
  // With no earlier turn of this conversation queued, the turn starts before anything else in this process
  // can change it, so the conversation the append returned is as fresh as reading it again (what another
  // node changes meanwhile, the store's precondition on the reply catches either way).
  const fresh = options.storedWith !== undefined && ctx.botTurnQueue.isIdle(conversationId);
  const turn = { ...options, storedWith: fresh ? options.storedWith : undefined };
  return ctx.botTurnQueue
    .run(conversationId, () => runBotTurn(ctx, question, turn))
    .catch((err: unknown) => ctx.logger.error({ err, conversationId }, 'bot turn failed'));
}
