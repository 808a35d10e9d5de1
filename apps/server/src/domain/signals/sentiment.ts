import { normaliseText } from '../normalise-text';
import { emphasisFactor } from './emphasis';
import { applyFrustrationCues, neutraliseIdioms, sarcasmCeiling } from './frustration-cues';
import { readSentiment } from './wink-sentiment';

/**
 * Sentiment of one message in [-1, 1]. A message is as negative as its most negative sentence: a polite
 * opening must not hide a complaint ("Hi. This is the worst service ever.").
 *
 * Frustration counts as well as negative words, so that an upset customer crosses the policy's
 * `escalateBelow`: wink's lexicon score of each sentence is capped by the support-chat cues it contains
 * ("ridiculous", "fed up", "third time", sarcastic praise), and a negative score is then scaled by how it
 * is said (intensifiers, superlatives, "!!", capitals). Emphasis never turns a calm or happy message
 * negative.
 */
export function scoreSentiment(text: string): number {
  if (text.trim() === '') return 0;
  const reading = readSentiment(neutraliseIdioms(text));
  const sentences = reading.sentences.map((sentence) => ({
    text: sentence.text,
    score: applyFrustrationCues(normaliseText(sentence.text), sentence.score),
  }));
  const worstSentence = Math.min(0, ...sentences.map((s) => s.score));
  let score = worstSentence < 0 ? Math.min(reading.overall, worstSentence) : reading.overall;
  score = Math.min(score, sarcasmCeiling(normaliseText(text), worstSentence < 0));
  if (score >= 0) return clamp(score);

  // Emphasis in a happy sentence ("Love it!!") says nothing about the complaint beside it.
  const notHappy = sentences.filter((s) => s.score <= 0).map((s) => s.text);
  return clamp(score * emphasisFactor(notHappy.join(' ')));
}

function clamp(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.max(-1, Math.min(1, n));
}
