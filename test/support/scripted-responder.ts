import type { Responder, ResponderAnswer } from '../../apps/server/src/responder/responder';

export interface ScriptedAnswer {
  text: string;
  confidence: number;
  topic?: string | null;
}

/**
 * A responder that answers each question (matched by a substring) with a given text and confidence, so a
 * test puts an answer exactly in a band of the policy. Unknown questions get `fallback`.
 */
export function scriptedResponder(
  script: Record<string, ScriptedAnswer>,
  fallback: ScriptedAnswer = { text: 'I am not sure.', confidence: 0.1 },
): Responder {
  const answerFor = (question: string): ResponderAnswer => {
    const key = Object.keys(script).find((k) => question.toLowerCase().includes(k.toLowerCase()));
    const scripted = key === undefined ? fallback : (script[key] ?? fallback);
    return {
      text: scripted.text,
      confidence: scripted.confidence,
      topic: scripted.topic ?? null,
      sources: [],
      alternatives: [],
      responder: 'scripted',
      modelId: 'scripted-1',
    };
  };
  return {
    name: 'scripted',
    modelId: 'scripted-1',
    async answer(context) {
      return answerFor(context.question);
    },
    async learn() {},
    async setArticles() {},
  };
}
