import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config';
import type { Article } from '../../knowledge/knowledge-base';
import type { Logger } from '../../lib/logger';
import { createLlmResponder, type LlmResponder, type LlmResponderOptions } from './llm-responder';

/** The system prompt shipped with the server; `{site_name}` is replaced by SITE_NAME. */
export const defaultSystemPromptPath = fileURLToPath(new URL('./default-system-prompt.md', import.meta.url));

/** Reads the team's system prompt file; a missing or empty file stops start-up with its path. */
export function loadSystemPrompt(path: string = defaultSystemPromptPath): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`System prompt ${path} could not be read: ${(error as Error).message}`);
  }
  if (text.trim() === '') throw new Error(`System prompt ${path} is empty`);
  return text;
}

/** The LLM responder's options from the environment (`OPENAI_*`, `LLM_*`). */
export function llmOptionsFromConfig(
  config: Config,
  articles: Article[],
  logger?: Logger,
): LlmResponderOptions & { apiKey: string } {
  if (!config.OPENAI_API_KEY) throw new Error('OPENAI_API_KEY is not set');
  const priced = config.LLM_PRICE_PER_1K_INPUT !== undefined || config.LLM_PRICE_PER_1K_OUTPUT !== undefined;
  return {
    apiKey: config.OPENAI_API_KEY,
    ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    model: config.LLM_MODEL,
    articles,
    siteName: config.SITE_NAME,
    systemPrompt: loadSystemPrompt(config.LLM_SYSTEM_PROMPT_FILE),
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    selfCheck: config.LLM_SELF_CHECK,
    prices: priced
      ? { inputPer1k: config.LLM_PRICE_PER_1K_INPUT ?? 0, outputPer1k: config.LLM_PRICE_PER_1K_OUTPUT ?? 0 }
      : null,
    ...(logger ? { logger } : {}),
  };
}

/** The LLM responder configured by the environment, with optional overrides (tests, tuning). */
export function buildLlmResponder(
  config: Config,
  articles: Article[],
  overrides: Partial<LlmResponderOptions> = {},
  logger?: Logger,
): LlmResponder {
  return createLlmResponder({ ...llmOptionsFromConfig(config, articles, logger), ...overrides });
}
