import type { Message } from '@hitl/shared/models';
import type { SensitiveFinding } from '../../domain/signals/sensitive-data';
import type { AwaitingBot } from '../../store/store';
import type { ServiceContext } from '../service-context';
import { startBotTurn } from '../start-bot-turn';

const BATCH = 500;

/**
 * The customer messages a previous process stored (and acknowledged) but died before answering: each
 * gets its bot turn now, in order. A conversation a person has, or whose questions are older than the
 * last hand-back, no longer awaits the bot and leaves the list. Runs at start-up; the turns run in the
 * background, and one that another node answers first is refused by the store.
 */
export async function resumeBotTurns(ctx: ServiceContext): Promise<number> {
  let started = 0;
  for (const awaiting of await ctx.store.listAwaitingBot(BATCH)) {
    const { conversation, questionSeq } = awaiting;
    if (conversation.state !== 'bot' || questionSeq <= conversation.botContextFromSeq) {
      await ctx.store.clearAwaitingBot(conversation.id, questionSeq);
      continue;
    }
    started += await resumeConversation(ctx, awaiting);
  }
  return started;
}

async function resumeConversation(ctx: ServiceContext, awaiting: AwaitingBot): Promise<number> {
  const { conversation, answeredSeq, interruptedTurn } = awaiting;
  const from = Math.max(answeredSeq - 1, conversation.botContextFromSeq);
  const since = await ctx.store.listMessages(conversation.id, { afterSeq: from, includeInternal: true });
  let started = 0;
  since.forEach((message, i) => {
    if (message.role !== 'customer' || message.visibility !== 'public') return;
    const findings = findingsOf(since[i + 1]);
    if (message.seq > answeredSeq) {
      void startBotTurn(ctx, message, { findings });
      started++;
    } else if (message.seq === answeredSeq && interruptedTurn !== null) {
      // Taken by a turn that died before storing its reply: that turn's id finishes it.
      void startBotTurn(ctx, message, { findings, resumedTurnId: interruptedTurn });
      started++;
    }
  });
  return started;
}

/** The card number is masked in the stored text; its notice, right after it, tells the turn it was there. */
function findingsOf(next: Message | undefined): SensitiveFinding[] {
  return next?.notice === 'card_masked' ? [{ kind: 'card', start: 0, end: 0 }] : [];
}
