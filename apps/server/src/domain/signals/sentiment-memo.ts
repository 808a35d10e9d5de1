import { scoreSentiment } from './sentiment';

/** About 20,000 messages: the recent conversations' customer messages, a few MB. */
const DEFAULT_CAPACITY = 20_000;

/**
 * Sentiment scores by message id. A customer message is scored at ingest (for the live monitor), and every
 * later bot turn of its conversation needs it again for the trend: each turn rescored all the earlier
 * messages (about 0.2 ms each). Remembered here, a message is scored once; one this process has not seen
 * (after a restart, or written on another node) is scored on first use. The oldest entries go first.
 */
export class SentimentMemo {
  private readonly scores = new Map<string, number>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  remember(messageId: string, score: number): void {
    this.scores.delete(messageId);
    this.scores.set(messageId, score);
    if (this.scores.size > this.capacity) {
      const oldest = this.scores.keys().next();
      if (!oldest.done) this.scores.delete(oldest.value);
    }
  }

  scoreOf(message: { id: string; text: string }): number {
    const known = this.scores.get(message.id);
    if (known !== undefined) return known;
    const score = scoreSentiment(message.text);
    this.remember(message.id, score);
    return score;
  }
}
