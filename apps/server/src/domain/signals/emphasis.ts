import { normaliseText } from '../normalise-text';
import { wordValence } from './wink-sentiment';

/*
 * How loudly something is said. wink scores a sentence by the mean valence of its sentiment words, so
 * "Absolutely terrible, worst shop ever!!" is no worse than "terrible": the intensifier, the superlative
 * and the exclamations that make it angry carry no valence of their own. Emphasis only scales the polarity
 * a message already has (the caller applies it to negative scores): "LOVE it!!" is loud, not angry.
 */

/** Added to the factor a negative score is multiplied by; the factor is at most 2. */
const weights = {
  intensifier: 0.25,
  superlative: 0.3,
  exclamationRun: 0.25,
  exclamation: 0.1,
  shouting: 0.3,
  repetition: 0.2,
};
const maxEmphasis = 1;

const intensifiers = new Set(
  'absolutely absolute so completely complete totally total utterly utter extremely really very beyond truly incredibly seriously such just too insanely'.split(
    ' ',
  ),
);

/*
 * A superlative about the shop, not any "worst": "the worst I have ever", "worst … ever", "in history",
 * "of my life", "most useless". A plain "was the worst" stays as wink scores it.
 */
const superlatives =
  /\b(worst|most \w+|least helpful)\b.{0,40}?\b(ever|in history|of my life|ive ever|i have ever|i ve ever)\b|\bmost (useless|incompetent|frustrating|annoying|unhelpful|ridiculous|pathetic)\b/;

/** "!!", "?!", "??" and longer runs: typed in exasperation. */
const exclamationRun = /[!?]*(!{2,}|\?!|!\?|\?{2,})[!?]*/;

/*
 * Words written in capitals to shout. Acronyms are not shouting (carriers, "ID", "FAQ", "VAT"), and nor is
 * anything with a digit (order codes such as "HP-20931", discount codes such as "SAVE20").
 */
const acronyms = new Set(
  'UPS DHL DPD GLS TNT USPS FEDEX ID FAQ ETA VAT PIN SMS PDF HP OK UK EU USA GDPR IBAN ASAP FYI BTW PS LOL OMG NHS CEO API URL TV GPS XL XXL XS RMA SKU QR'.split(
    ' ',
  ),
);

/** A downtoner halves the step from calm to upset: "a bit disappointed" is a polite complaint. */
const downtoners = /\b(a bit|a little|slightly|somewhat|kind of|a tad|mildly|a touch)\b/;
const downtonedFactor = 0.6;

/**
 * The factor a negative score of this text is multiplied by: 1 when calmly said, up to 2 with
 * intensifiers, superlatives, exclamation runs and shouting; below 1 when toned down.
 */
export function emphasisFactor(text: string): number {
  const normalised = normaliseText(text);
  let emphasis = 0;
  if (intensifiesNegative(normalised)) emphasis += weights.intensifier;
  if (superlatives.test(normalised)) emphasis += weights.superlative;
  if (exclamationRun.test(text)) emphasis += weights.exclamationRun;
  else if (text.includes('!')) emphasis += weights.exclamation;
  if (isShouting(text)) emphasis += weights.shouting;
  if (repeatsNegativeWord(normalised)) emphasis += weights.repetition;
  const factor = 1 + Math.min(maxEmphasis, emphasis);
  return downtoners.test(normalised) ? factor * downtonedFactor : factor;
}

/**
 * An intensifier right before a negative word, or before another intensifier that is ("so very rude").
 * "so" before anything else is a conjunction ("so I missed it").
 */
function intensifiesNegative(normalised: string): boolean {
  const words = normalised.split(' ');
  for (let i = 0; i < words.length - 1; i++) {
    if (!intensifiers.has(words[i] ?? '')) continue;
    let j = i + 1;
    while (intensifiers.has(words[j] ?? '')) j++;
    if (wordValence(words[j] ?? '') < 0) return true;
  }
  return false;
}

/** One shouted word of four letters or more, or two of two letters or more ("NO ONE", "DID NOT"). */
function isShouting(text: string): boolean {
  let short = 0;
  for (const token of text.split(/[^A-Za-z0-9]+/)) {
    if (token.length < 2 || /\d/.test(token) || token !== token.toUpperCase()) continue;
    if (acronyms.has(token)) continue;
    if (token.length >= 4) return true;
    short++;
  }
  return short >= 2;
}

/** The same negative word twice ("Terrible, terrible service"). */
function repeatsNegativeWord(normalised: string): boolean {
  const seen = new Set<string>();
  for (const word of normalised.split(' ')) {
    if (word.length < 4) continue;
    if (seen.has(word) && wordValence(word) < 0) return true;
    seen.add(word);
  }
  return false;
}
