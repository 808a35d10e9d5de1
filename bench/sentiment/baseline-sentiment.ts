import { normaliseText } from '../../apps/server/src/domain/normalise-text';
import { readSentiment } from '../../apps/server/src/domain/signals/wink-sentiment';

/*
 * The scorer before frustration cues and emphasis (`scoreSentiment` as of 766aa7e), kept so that every run
 * measures the baseline beside the current scorer: wink's score of the most negative sentence, capped by
 * the five support-complaint cues it had.
 */
const supportComplaints: [RegExp, number][] = [
  [/\bstill (waiting|nothing|no\b|not\b|haven ?t|hasn ?t|didn ?t)/, -0.4],
  [/\b(taking|takes|took) (so|too|this) long\b/, -0.4],
  [/\bnever (arrived|came|received|got)\b/, -0.4],
  [/\b(second|third|fourth|fifth|\d+(st|nd|rd|th)) time\b|\b(again and again|over and over)\b/, -0.4],
  [/\bunacceptable\b|\bwaste of (my )?(time|money)\b/, -0.6],
];

export function scoreSentimentBaseline(text: string): number {
  if (text.trim() === '') return 0;
  const reading = readSentiment(text);
  const worstSentence = Math.min(0, ...reading.sentences.map((s) => s.score));
  let score = worstSentence < 0 ? Math.min(reading.overall, worstSentence) : reading.overall;
  const normalised = normaliseText(text);
  for (const [cue, ceiling] of supportComplaints) {
    if (cue.test(normalised)) score = Math.min(score, ceiling);
  }
  return Math.max(-1, Math.min(1, score));
}
