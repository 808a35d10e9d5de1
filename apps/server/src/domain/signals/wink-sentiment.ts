import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

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

export interface SentimentReading {
  /** wink's document score: the mean of its sentences' scores, in [-1, 1]. */
  overall: number;
  /** Each sentence as wink split it, with its score (the mean valence of its sentiment words). */
  sentences: { text: string; score: number }[];
}

/** wink-nlp's lexicon sentiment of a text, as it is, per sentence and overall. */
export function readSentiment(text: string): SentimentReading {
  const nlp = getNlp();
  const doc = nlp.readDoc(text);
  const texts = doc.sentences().out();
  const scores = doc.sentences().out(nlp.its.sentiment).map(Number);
  return {
    overall: Number(doc.out(nlp.its.sentiment)),
    sentences: texts.map((sentence, i) => ({ text: sentence, score: scores[i] ?? 0 })),
  };
}

const wordValences = new Map<string, number>();
const maxRememberedWords = 5_000;

/** The lexicon valence of one lower-case word on its own (0 when wink does not know it). */
export function wordValence(word: string): number {
  let valence = wordValences.get(word);
  if (valence === undefined) {
    valence = readSentiment(word).overall;
    // A bounded memo: the words asked about are the few that follow an intensifier.
    if (wordValences.size >= maxRememberedWords) wordValences.clear();
    wordValences.set(word, valence);
  }
  return valence;
}
