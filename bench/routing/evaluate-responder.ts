import type { Responder } from '../../apps/server/src/responder/responder';
import type { LabelledQuestion } from './load-banking77';

export interface Evaluation {
  question: string;
  intent: string;
  predicted: string;
  confidence: number;
  correct: boolean;
  /** Time to answer, in milliseconds. */
  latency: number;
}

/** Asks every question through the responder's public `answer`, timing each call. */
export async function evaluateResponder(
  responder: Responder,
  questions: readonly LabelledQuestion[],
): Promise<Evaluation[]> {
  const results: Evaluation[] = [];
  for (const [index, { question, intent }] of questions.entries()) {
    const started = performance.now();
    const answer = await responder.answer({ conversationId: `bench-${index}`, question, history: [] });
    const latency = performance.now() - started;
    results.push({
      question,
      intent,
      predicted: answer.text,
      confidence: answer.confidence,
      correct: answer.text === intent,
      latency,
    });
  }
  return results;
}

export function accuracyOf(results: readonly Evaluation[]): number {
  return results.length === 0 ? 0 : results.filter((result) => result.correct).length / results.length;
}

export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
}
