import type OpenAI from 'openai';
import { APIError } from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Logger } from '../../lib/logger';
import { type ChatRequest, type ChatResult, requestChatCompletion } from './chat-completion';
import { AttemptTimeoutError, classifyModelError, ModelUnavailableError } from './model-errors';
import { retryWithBackoff } from './retry-with-backoff';

export interface ModelCallerOptions {
  client: OpenAI;
  model: string;
  /** Retries after the first attempt, within the deadline. */
  maxRetries: number;
  /** The longest one attempt may take (less when the deadline is nearer). */
  attemptTimeoutMs: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  logger?: Logger;
  now?: () => number;
}

export interface ModelCaller {
  /**
   * The answer's completion: retried on timeouts, dropped connections, 429 and 5xx while the deadline
   * allows, but never once text was streamed (the customer would see it twice). Failing, it throws a
   * `ModelUnavailableError`.
   */
  complete(
    messages: ChatCompletionMessageParam[],
    deadline: number,
    onDelta?: (text: string) => void,
  ): Promise<ChatResult>;
  /** One attempt, no retry, within the deadline (for optional extra calls such as the self-check). */
  once(request: CallRequest, deadline: number): Promise<ChatResult>;
}

type CallRequest = Omit<ChatRequest, 'model' | 'logprobs'>;

export function createModelCaller(options: ModelCallerOptions): ModelCaller {
  const now = options.now ?? Date.now;
  // Some servers (and reasoning models) refuse logprobs: after the first refusal they are not asked for.
  let logprobs = true;

  async function attempt(request: CallRequest, timeoutMs: number): Promise<ChatResult> {
    if (timeoutMs <= 0) throw new AttemptTimeoutError('no time left for the model');
    const full: Omit<ChatRequest, 'logprobs'> = { ...request, model: options.model };
    const streamed = { any: false };
    const onDelta = request.onDelta;
    if (onDelta) {
      full.onDelta = (text: string) => {
        streamed.any = true;
        onDelta(text);
      };
    }
    try {
      try {
        return await requestChatCompletion(options.client, { ...full, logprobs }, timeoutMs);
      } catch (error) {
        if (!logprobs || streamed.any || !refusesLogprobs(error)) throw error;
        logprobs = false;
        options.logger?.warn({ model: options.model }, 'the model refuses logprobs; asking without them');
        return await requestChatCompletion(options.client, { ...full, logprobs }, timeoutMs);
      }
    } catch (error) {
      if (!streamed.any) throw error;
      const { failure } = classifyModelError(error, now());
      throw new ModelUnavailableError(failure, 'the model stopped in the middle of its answer', {
        cause: error,
      });
    }
  }

  return {
    async complete(messages, deadline, onDelta) {
      try {
        return await retryWithBackoff(
          (_n, timeLeft) =>
            attempt(
              { messages, ...(onDelta ? { onDelta } : {}) },
              Math.min(timeLeft, options.attemptTimeoutMs),
            ),
          {
            maxRetries: options.maxRetries,
            baseDelayMs: options.baseDelayMs ?? 250,
            maxDelayMs: options.maxDelayMs ?? 4000,
            deadline,
            now,
            classify: (error) => classifyModelError(error, now()),
            onRetry: (err, n, delayMs) =>
              options.logger?.warn({ err, attempt: n + 1, delayMs }, 'model call failed; retrying'),
          },
        );
      } catch (error) {
        throw toModelUnavailable(error, now());
      }
    },
    async once(request, deadline) {
      try {
        return await attempt(request, Math.min(deadline - now(), options.attemptTimeoutMs));
      } catch (error) {
        throw toModelUnavailable(error, now());
      }
    },
  };
}

export function toModelUnavailable(error: unknown, nowMs: number): ModelUnavailableError {
  if (error instanceof ModelUnavailableError) return error;
  const { failure } = classifyModelError(error, nowMs);
  const detail = error instanceof Error ? error.message : String(error);
  return new ModelUnavailableError(failure, `the model is unavailable (${failure}): ${detail}`, {
    cause: error,
  });
}

function refusesLogprobs(error: unknown): boolean {
  return error instanceof APIError && error.status === 400 && /logprob/i.test(error.message);
}
