import type { Message, ModelUsage } from './models';

/**
 * What a conversation cost: the sum of its bot messages' usage (replies sent, drafts and withheld ones
 * alike, since each was paid for). `costUsd` is null when a reply has none (no prices configured).
 */
export function sumUsage(messages: readonly Message[]): ModelUsage & { replies: number } {
  let promptTokens = 0;
  let completionTokens = 0;
  let costUsd: number | null = 0;
  let replies = 0;
  for (const message of messages) {
    const usage = message.bot?.usage;
    if (message.role !== 'bot' || !usage) continue;
    replies += 1;
    promptTokens += usage.promptTokens;
    completionTokens += usage.completionTokens;
    costUsd = costUsd === null || usage.costUsd === null ? null : costUsd + usage.costUsd;
  }
  return {
    promptTokens,
    completionTokens,
    costUsd: replies === 0 ? null : costUsd === null ? null : Math.round(costUsd * 1e6) / 1e6,
    replies,
  };
}
