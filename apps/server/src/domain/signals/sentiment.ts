import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import { normaliseText } from '../normalise-text';

/*
 * Why wink-nlp: it is maintained, scores sentiment per sentence with negation handling ("not good" is
 * negative, "not bad" positive) and understands emoji and emoticons, and its English model ships as an
 * ordinary npm package that loads from disk — no network, no download at start-up, no native build.
 */
let nlp: WinkMethods | undefined;

/** The model is loaded on first use (it takes a moment), then kept for the life of the process. */
function getNlp(): WinkMethods {
  nlp ??= winkNLP(model, ['sbd', 'negation', 'sentiment']);
  return nlp;
}

/*
 * A general-purpose lexicon misses the complaints typical of a support chat: waiting and repeating
 * oneself carry no negative word ("still waiting" even scores positive). These cues set a ceiling.
 */
const supportComplaints: [RegExp, number][] = [
  [/\bstill (waiting|nothing|no\b|not\b|haven ?t|hasn ?t|didn ?t)/, -0.4],
  [/\b(taking|takes|took) (so|too|this) long\b/, -0.4],
  [/\bnever (arrived|came|received|got)\b/, -0.4],
  [/\b(second|third|fourth|fifth|\d+(st|nd|rd|th)) time\b|\b(again and again|over and over)\b/, -0.4],
  [/\bunacceptable\b|\bwaste of (my )?(time|money)\b/, -0.6],
];

/**
 * Sentiment of one message in [-1, 1]. A message is as negative as its most negative sentence: a polite
 * opening must not hide a complaint ("Hi. This is the worst service ever.").
 */
export function scoreSentiment(text: string): number {
  if (text.trim() === '') return 0;
  const nlp = getNlp();
  const doc = nlp.readDoc(text);
  const overall = Number(doc.out(nlp.its.sentiment));
  const sentences = doc.sentences().out(nlp.its.sentiment).map(Number);
  const worstSentence = Math.min(0, ...sentences);
  let score = worstSentence < 0 ? Math.min(overall, worstSentence) : overall;

  const normalised = normaliseText(text);
  for (const [cue, ceiling] of supportComplaints) {
    if (cue.test(normalised)) score = Math.min(score, ceiling);
  }
  return clamp(score);
}

function clamp(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.max(-1, Math.min(1, n));
}
