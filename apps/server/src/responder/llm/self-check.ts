import type { ChatResult } from './chat-completion';

/** Without logprobs the one-word verdict is all there is: taken as a strong, not a certain, signal. */
const TEXT_ONLY_YES = 0.85;

/**
 * The probability the model gave to "yes" at the first position, normalised over yes and no; from the
 * answer's text when the server returned no logprobs. Undefined when the reply is neither.
 */
export function yesProbability(result: ChatResult): number | undefined {
  let yes = 0;
  let no = 0;
  for (const { token, logprob } of result.firstTokenAlternatives) {
    const word = token.trim().toLowerCase();
    if (word.startsWith('yes')) yes += Math.exp(logprob);
    else if (word.startsWith('no')) no += Math.exp(logprob);
  }
  if (yes + no > 0) return yes / (yes + no);
  const word = result.text.trim().toLowerCase();
  if (word.startsWith('yes')) return TEXT_ONLY_YES;
  if (word.startsWith('no')) return 1 - TEXT_ONLY_YES;
  return undefined;
}
