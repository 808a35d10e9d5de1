import { describe, expect, it } from 'vitest';
import { expandContractions } from './expand-contractions';
import { normalizeWords } from './normalize-words';

describe('expandContractions', () => {
  it.each([
    ["I don't have my card", ['i', 'do', 'not', 'have', 'my', 'card']],
    ['it didnt arrive', ['it', 'did', 'not', 'arrive']],
    ["I'm sure it won't work", ['i', 'am', 'sure', 'it', 'will', 'not', 'work']],
    ["what's my balance", ['what', 'is', 'my', 'balance']],
    // Ambiguous forms are ordinary words too, so they stay.
    ['we were well', ['we', 'were', 'well']],
    ['its id', ['its', 'id']],
    ['', []],
  ])('%j → %j', (text, words) => {
    expect(expandContractions(normalizeWords(text))).toEqual(words);
  });
});
