import type { Conversation } from '@hitl/shared/models';
import { createId } from '../lib/ids';
import type { Notifier } from './notifier';

/** A bot reply streamed to the customer while it is written; `id` becomes the stored message's id. */
export interface BotStream {
  readonly id: string;
  push(delta: string): void;
  /** Tells the customer whether the reply is kept; only the first call counts. */
  end(kept: boolean): void;
}

/**
 * `stillMaySpeak` is asked once, when the first piece arrives: the model may have thought for seconds,
 * and an agent may have claimed the conversation meanwhile (on any node). Until it answers the pieces
 * wait; when it says no, nothing is shown. Whether the reply is kept is still the store's decision.
 */
export function openBotStream(
  notifier: Notifier,
  conversation: Conversation,
  stillMaySpeak: () => Promise<boolean>,
): BotStream {
  const id = createId('msg');
  let ended = false;
  let gate: 'unasked' | 'asking' | 'open' | 'shut' = 'unasked';
  const waiting: string[] = [];
  const forward = (delta: string) => notifier.botStream(conversation, id, delta);
  const ask = () => {
    gate = 'asking';
    stillMaySpeak()
      .catch(() => false)
      .then((may) => {
        gate = may ? 'open' : 'shut';
        if (may && !ended) for (const delta of waiting) forward(delta);
        waiting.length = 0;
      });
  };
  return {
    id,
    push(delta) {
      if (ended || !delta || gate === 'shut') return;
      if (gate === 'open') return forward(delta);
      waiting.push(delta);
      if (gate === 'unasked') ask();
    },
    end(kept) {
      if (ended) return;
      ended = true;
      // Pieces still waiting are not needed: a kept reply arrives whole, as the stored message.
      waiting.length = 0;
      notifier.botStreamEnd(conversation, id, kept);
    },
  };
}
