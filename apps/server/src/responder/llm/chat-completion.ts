import type OpenAI from 'openai';
import { APIUserAbortError } from 'openai';
import type {
  ChatCompletionMessageParam,
  ChatCompletionTokenLogprob,
} from 'openai/resources/chat/completions';
import { AttemptTimeoutError, IncompleteStreamError } from './model-errors';

export interface ChatRequest {
  model: string;
  messages: ChatCompletionMessageParam[];
  /** Ask for token logprobs (and this many alternatives per token). */
  logprobs: boolean;
  topLogprobs?: number;
  maxTokens?: number;
  /** When given, the completion is streamed and each piece of text is passed here as it arrives. */
  onDelta?: (text: string) => void;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatResult {
  text: string;
  /** The logprob of every generated token; empty when the server gave none. */
  tokenLogprobs: number[];
  /** The most likely tokens at the first position, with their logprobs (for one-word answers). */
  firstTokenAlternatives: Array<{ token: string; logprob: number }>;
  usage: TokenUsage | null;
}

/**
 * One chat completion, streamed or not, aborted when it takes longer than `timeoutMs` — the whole of it,
 * stream included (the client's own timeout stops at the response headers).
 */
export async function requestChatCompletion(
  client: OpenAI,
  request: ChatRequest,
  timeoutMs: number,
): Promise<ChatResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort();
    },
    Math.max(1, timeoutMs),
  );
  const options = { signal: controller.signal, timeout: Math.max(1, timeoutMs) };
  const body = {
    model: request.model,
    messages: request.messages,
    ...(request.logprobs
      ? { logprobs: true, ...(request.topLogprobs ? { top_logprobs: request.topLogprobs } : {}) }
      : {}),
    ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
  };
  const result: ChatResult = { text: '', tokenLogprobs: [], firstTokenAlternatives: [], usage: null };
  try {
    if (!request.onDelta) {
      const completion = await client.chat.completions.create({ ...body, stream: false }, options);
      const choice = completion.choices[0];
      result.text = choice?.message.content ?? '';
      addLogprobs(result, choice?.logprobs?.content);
      result.usage = toUsage(completion.usage);
      return result;
    }
    const stream = await client.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } },
      options,
    );
    let finished = false;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.finish_reason) finished = true;
      const delta = choice?.delta?.content;
      if (delta) {
        result.text += delta;
        request.onDelta(delta);
      }
      addLogprobs(result, choice?.logprobs?.content);
      if (chunk.usage) result.usage = toUsage(chunk.usage);
    }
    if (!finished) throw new IncompleteStreamError('the stream ended before the answer was finished');
    return result;
  } catch (error) {
    if (timedOut || (error instanceof APIUserAbortError && controller.signal.aborted)) {
      throw new AttemptTimeoutError(`the model did not answer within ${timeoutMs} ms`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function addLogprobs(result: ChatResult, tokens: ChatCompletionTokenLogprob[] | null | undefined): void {
  for (const token of tokens ?? []) {
    if (result.tokenLogprobs.length === 0) {
      result.firstTokenAlternatives = (token.top_logprobs ?? []).map((t) => ({
        token: t.token,
        logprob: t.logprob,
      }));
    }
    result.tokenLogprobs.push(token.logprob);
  }
}

function toUsage(usage: OpenAI.CompletionUsage | null | undefined): TokenUsage | null {
  return usage ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } : null;
}
