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

export function openBotStream(notifier: Notifier, conversation: Conversation): BotStream {
  const id = createId('msg');
  let ended = false;
  return {
    id,
    push(delta) {
      if (!ended && delta) notifier.botStream(conversation, id, delta);
    },
    end(kept) {
      if (ended) return;
      ended = true;
      notifier.botStreamEnd(conversation, id, kept);
    },
  };
}
