import { canonicalTerm } from './canonical-term';
import { normalizeWords } from './normalize-words';
import { stemWord } from './stem-word';

/** Feature families; each is L2-normalised on its own and weighted by the vectoriser. */
export type FeatureBlock = 'word' | 'bigram' | 'char';

/** Feature name → count. Names carry their block as a prefix: `w:`, `b:` or `c:`. */
export type FeatureCounts = Map<string, number>;

/**
 * Function words that say nothing about which article is meant. Question words, negations and "can" are
 * kept: "can I return…" asks about the policy where "how do I return…" asks for the steps. So are
 * pronouns: "change my name" and "change your name" are different requests, and "my card" and "a card"
 * often are too.
 */
const stopWords = new Set(
  (
    'a an the is are am was were be ' +
    'been being to of for and or on in at into this that these those please so just do does did ' +
    'would will should shall have has had with from about there here any some if then also as by until till ' +
    'up out down off over again once only very too really all each both such own same than now hey hi hello'
  ).split(' '),
);

/** Greetings are the whole message in small talk, so they count when nothing else is said. */
const greetingWords = new Set(['hey', 'hi', 'hello']);

const minCharGram = 3;
const maxCharGram = 5;

/**
 * Word unigrams and bigrams over stemmed content words, plus character 3–5-grams of the surface words
 * (with word-boundary padding) so typos and unseen inflections still share most of their features.
 */
export function extractFeatures(text: string): FeatureCounts {
  const features: FeatureCounts = new Map();
  const words = normalizeWords(text);
  let content = words.filter((word) => !stopWords.has(word));
  if (content.length === 0) content = words.filter((word) => greetingWords.has(word));

  let previous: string | undefined;
  for (const word of content) {
    if (/\d/.test(word) && word.length >= 4) {
      // Order numbers, postcodes and the like: what matters is that one was given, not which.
      addWord(features, 'num', previous);
      previous = 'num';
      continue;
    }
    const stem = stemWord(word);
    const canonical = canonicalTerm(stem);
    const term = canonical ?? stem;
    addWord(features, term, previous);
    previous = term;
    addCharGrams(features, canonical ?? word);
  }
  return features;
}

function addWord(features: FeatureCounts, term: string, previous: string | undefined): void {
  increment(features, `w:${term}`);
  if (previous !== undefined) increment(features, `b:${previous}_${term}`);
}

function addCharGrams(features: FeatureCounts, word: string): void {
  const padded = ` ${word} `;
  for (let size = minCharGram; size <= maxCharGram; size++) {
    for (let start = 0; start + size <= padded.length; start++) {
      increment(features, `c:${padded.slice(start, start + size)}`);
    }
  }
}

function increment(features: FeatureCounts, name: string): void {
  features.set(name, (features.get(name) ?? 0) + 1);
}
