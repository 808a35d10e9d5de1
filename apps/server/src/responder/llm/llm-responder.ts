import type { ConfidenceParts } from '@hitl/shared/models';
import { RunnableLambda } from '@langchain/core/runnables';
import OpenAI from 'openai';
import { redactSensitiveData } from '../../domain/signals/sensitive-data';
import type { Article } from '../../knowledge/knowledge-base';
import type { Logger } from '../../lib/logger';
import { createOfflineResponder } from '../offline-responder';
import type { LearnedExample, Responder, ResponderAnswer, ResponderContext } from '../responder';
import { createAnswerChain, type DraftAnswer, toOpenAiMessages } from './answer-chain';
import { createAnswerPrompt, createFewShotPrompt, selfCheckPrompt } from './answer-prompt';
import type { TokenUsage } from './chat-completion';
import { type CircuitBreaker, type CircuitBreakerOptions, createCircuitBreaker } from './circuit-breaker';
import { CorrectionExamples, type CorrectionExamplesOptions } from './correction-examples';
import {
  combineConfidence,
  defaultLlmCalibration,
  type LlmCalibration,
  meanTokenProbability,
} from './llm-confidence';
import { createModelCaller, toModelUnavailable } from './model-caller';
import { ModelUnavailableError } from './model-errors';
import {
  defaultRetrieveOptions,
  formatArticles,
  type RetrieveOptions,
  retrieveArticles,
} from './retrieve-articles';
import { yesProbability } from './self-check';
import { type TokenPrices, totalUsage } from './usage-cost';

export interface LlmResponderOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint (Azure OpenAI, Ollama, vLLM …); OpenAI's when unset. */
  baseURL?: string;
  model: string;
  articles: Article[];
  siteName: string;
  /** The team's instructions (tone, scope); grounding and citation rules are added to it. */
  systemPrompt: string;
  /** How long a customer may wait for one answer, retries and self-check included. */
  timeoutMs: number;
  maxRetries: number;
  /** Ask the model, in a second call, whether its answer is supported by the articles. */
  selfCheck?: boolean;
  prices?: TokenPrices | null;
  calibration?: LlmCalibration;
  breaker?: Partial<Omit<CircuitBreakerOptions, 'now'>>;
  retryDelayMs?: { base: number; max: number };
  examples?: Partial<CorrectionExamplesOptions>;
  retrieval?: Partial<RetrieveOptions>;
  logger?: Logger;
  now?: () => number;
}

export interface LlmResponder extends Responder {
  answerStream(context: ResponderContext, onDelta: (text: string) => void): Promise<ResponderAnswer>;
  readonly circuit: CircuitBreaker;
  /** Replaces the confidence weights, e.g. with ones fitted from reviewed answers. */
  setCalibration(calibration: LlmCalibration): void;
}

/** A self-check is only started with at least this much of the budget left. */
const MIN_SELF_CHECK_MS = 300;

/**
 * Answers with an OpenAI-compatible chat model, grounded in the knowledge-base articles the offline model
 * retrieves, citing them, with recent approved corrections as examples. Its confidence combines the
 * answer's token probabilities, the retrieval's confidence and an optional self-check. A failure, a
 * timeout or an open circuit throws, and the bot's turn escalates (`model_unavailable`).
 */
export function createLlmResponder(options: LlmResponderOptions): LlmResponder {
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? null,
    timeout: options.timeoutMs,
    maxRetries: 0,
  });
  const caller = createModelCaller({
    client,
    model: options.model,
    maxRetries: options.maxRetries,
    attemptTimeoutMs: options.timeoutMs,
    ...(options.retryDelayMs
      ? { baseDelayMs: options.retryDelayMs.base, maxDelayMs: options.retryDelayMs.max }
      : {}),
    ...(logger ? { logger } : {}),
    now,
  });
  const circuit = createCircuitBreaker({ failureThreshold: 5, coolDownMs: 30_000, ...options.breaker, now });
  const retriever = createOfflineResponder({ articles: options.articles });
  const articlesById = new Map(options.articles.map((a) => [a.id, a]));
  const examples = new CorrectionExamples(options.examples);
  const retrieval = { ...defaultRetrieveOptions, ...options.retrieval };
  let calibration = options.calibration ?? defaultLlmCalibration;

  const chain = createAnswerChain({
    retrieve: (question) => retrieveArticles(retriever, articlesById, question, retrieval),
    fewShot: createFewShotPrompt(examples),
    prompt: createAnswerPrompt(options.systemPrompt, options.siteName),
    complete: caller.complete,
  }).pipe(RunnableLambda.from(scoreAnswer));

  async function scoreAnswer(draft: DraftAnswer): Promise<ResponderAnswer> {
    if (draft.text === '') throw new ModelUnavailableError('refused', 'the model returned an empty answer');
    const check = await selfCheck(draft);
    const cited = draft.cited.flatMap((id) => draft.documents.filter((d) => d.metadata.id === id));
    // An answer that cites nothing says the articles do not cover the question: nothing supports it.
    const parts: ConfidenceParts = { retrieval: Math.max(0, ...cited.map((d) => d.metadata.retrieval)) };
    const logprob = meanTokenProbability(draft.completion.tokenLogprobs);
    if (logprob !== undefined) parts.logprob = logprob;
    if (check.probability !== undefined) parts.selfCheck = check.probability;
    const usage = totalUsage([draft.completion.usage, check.usage], options.prices ?? null);
    return {
      text: draft.text,
      confidence: combineConfidence(parts, calibration),
      sources: cited.map((d) => ({ id: d.metadata.id, title: d.metadata.title })),
      alternatives: draft.documents
        .filter((d) => !draft.cited.includes(d.metadata.id))
        .map((d) => ({ id: d.metadata.id, title: d.metadata.title, confidence: d.metadata.retrieval })),
      topic: cited[0]?.metadata.topic ?? null,
      responder: 'llm',
      modelId: options.model,
      confidenceParts: parts,
      ...(usage ? { usage } : {}),
    };
  }

  /** Optional, and never fatal: without a verdict the confidence rests on the other parts. */
  async function selfCheck(draft: DraftAnswer): Promise<{ probability?: number; usage: TokenUsage | null }> {
    if (!options.selfCheck || draft.deadline - now() < MIN_SELF_CHECK_MS) return { usage: null };
    const messages = await selfCheckPrompt.formatMessages({
      context: formatArticles(draft.documents),
      question: draft.question,
      answer: redactSensitiveData(draft.text),
    });
    try {
      const result = await caller.once(
        { messages: toOpenAiMessages(messages), topLogprobs: 5, maxTokens: 1 },
        draft.deadline,
      );
      const probability = yesProbability(result);
      return { ...(probability === undefined ? {} : { probability }), usage: result.usage };
    } catch (err) {
      logger?.warn({ err }, 'self-check failed; confidence without it');
      return { usage: null };
    }
  }

  async function run(context: ResponderContext, onDelta?: (text: string) => void): Promise<ResponderAnswer> {
    if (!circuit.tryAcquire()) {
      throw new ModelUnavailableError(
        'circuit_open',
        'the model failed repeatedly; not calling it for a while',
      );
    }
    try {
      const answer = await chain.invoke({
        question: context.question,
        history: context.history,
        deadline: now() + options.timeoutMs,
        ...(onDelta ? { onDelta } : {}),
      });
      circuit.recordSuccess();
      return answer;
    } catch (error) {
      circuit.recordFailure();
      throw toModelUnavailable(error, now());
    }
  }

  return {
    name: 'llm',
    modelId: options.model,
    circuit,
    answer: (context) => run(context),
    answerStream: (context, onDelta) => run(context, onDelta),
    async learn(example: LearnedExample) {
      await examples.addExample({ id: example.id, question: example.question, answer: example.answer });
    },
    async setArticles(articles: Article[]) {
      await retriever.setArticles(articles);
      articlesById.clear();
      for (const article of articles) articlesById.set(article.id, article);
    },
    setCalibration(next) {
      calibration = next;
    },
  };
}
