import type { ModelUsage } from '@hitl/shared/models';
import type { TokenUsage } from './chat-completion';

/** USD per 1,000 tokens, as providers list them. */
export interface TokenPrices {
  inputPer1k: number;
  outputPer1k: number;
}

/** The tokens of every call made for one answer, and their cost when prices are known. */
export function totalUsage(
  calls: ReadonlyArray<TokenUsage | null>,
  prices: TokenPrices | null,
): ModelUsage | undefined {
  const known = calls.filter((c): c is TokenUsage => c !== null);
  if (known.length === 0) return undefined;
  const promptTokens = known.reduce((sum, c) => sum + c.promptTokens, 0);
  const completionTokens = known.reduce((sum, c) => sum + c.completionTokens, 0);
  const costUsd = prices
    ? round6((promptTokens / 1000) * prices.inputPer1k + (completionTokens / 1000) * prices.outputPer1k)
    : null;
  return { promptTokens, completionTokens, costUsd };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
