import type { Alternative, ConfidenceParts, ContextTurn, ModelUsage, Source } from '@hitl/shared/models';
import type { Article } from '../knowledge/knowledge-base';

/** What the responder is given: the customer's question and the turns since the bot's context boundary. */
export interface ResponderContext {
  conversationId: string;
  question: string;
  /** Earlier turns, oldest first, not including `question`. */
  history: ContextTurn[];
}

export interface ResponderAnswer {
  text: string;
  /** Calibrated probability (0..1) that `text` is a right answer to the question. */
  confidence: number;
  sources: Source[];
  /** Next-best answers, best first, for agents to pick from. */
  alternatives: Alternative[];
  responder: string;
  modelId: string;
  /**
   * Which trained instance of `modelId` answered (it changes with every retrain), when the responder
   * retrains at run time.
   */
  modelVersion?: string;
  /** The knowledge-base topic of the answer (drives per-topic modes and thresholds); null when unknown. */
  topic?: string | null;
  /** The signals `confidence` was combined from, shown to agents (LLM responder). */
  confidenceParts?: ConfidenceParts;
  /** Tokens (and cost) the answer used (LLM responder). */
  usage?: ModelUsage;
}

/** A question paired with the answer an agent approved; the responder learns from it at run time. */
export interface LearnedExample {
  id: string;
  question: string;
  answer: string;
}

/** The answering port. Adapters: `offline` (default, no network) and `llm` (OpenAI-compatible). */
export interface Responder {
  readonly name: string;
  readonly modelId: string;
  answer(context: ResponderContext): Promise<ResponderAnswer>;
  /**
   * Like `answer`, calling `onDelta` with each piece of the text as it is written (only what the final
   * `text` will contain, in order). Optional: a responder that cannot stream leaves it out.
   */
  answerStream?(context: ResponderContext, onDelta: (text: string) => void): Promise<ResponderAnswer>;
  /** Takes an approved correction into account without a restart. */
  learn(example: LearnedExample): Promise<void>;
  /**
   * Replaces the knowledge base (an article created, edited or retired): the next answer is given from the
   * new articles, and everything learned from corrections is kept.
   */
  setArticles(articles: Article[]): Promise<void>;
  /** Releases what the responder holds (threads, connections). Optional. */
  close?(): Promise<void>;
}
