import { describe, expect, it } from 'vitest';
import { extractFeatures } from './extract-features';
import { stemWord } from './stem-word';

describe('extractFeatures', () => {
  it('makes word unigrams and bigrams of stemmed content words, without function words', () => {
    const features = extractFeatures('Where is the package?');
    const where = stemWord('where');
    expect(features.get(`w:${where}`)).toBe(1);
    expect(features.get('w:parcel')).toBe(1);
    expect(features.get(`b:${where}_parcel`)).toBe(1);
    expect(features.has('w:is')).toBe(false);
    expect(features.has('w:the')).toBe(false);
  });

  it('keeps pronouns: "change my name" and "change your name" are different requests', () => {
    const mine = extractFeatures('change my name');
    const yours = extractFeatures('change your name');
    const name = stemWord('name');
    expect(mine.get(`b:my_${name}`)).toBe(1);
    expect(yours.get(`b:your_${name}`)).toBe(1);
    expect(mine.has('w:your')).toBe(false);
    for (const pronoun of ['i', 'me', 'we', 'us', 'our', 'it'])
      expect(extractFeatures(`can ${pronoun} go`).has(`w:${pronoun}`), pronoun).toBe(true);
  });

  it('adds character 3–5-grams with word boundaries', () => {
    const features = extractFeatures('refund');
    for (const gram of [' re', 'ref', 'und ', ' refu', 'fund ']) expect(features.has(`c:${gram}`)).toBe(true);
    expect(features.has('c:refund')).toBe(false);
  });

  it('lets a typo keep many character n-grams of the right spelling', () => {
    const chars = (text: string) => [...extractFeatures(text).keys()].filter((name) => name.startsWith('c:'));
    const right = new Set(chars('cancellation'));
    const sharedWith = (text: string) => chars(text).filter((gram) => right.has(gram)).length / right.size;
    expect(sharedWith('cancelation')).toBeGreaterThan(0.3);
    expect(sharedWith('cancellaton')).toBeGreaterThan(0.5);
    expect(sharedWith('warranty')).toBe(0);
  });

  it('maps shop synonyms and countries onto one term', () => {
    expect(extractFeatures('do you ship to Spain').has('w:country')).toBe(true);
    expect(extractFeatures('delivery to Germany').has('w:ship')).toBe(true);
    expect(extractFeatures('my shipment').has('w:parcel')).toBe(true);
  });

  it('replaces order numbers by one placeholder', () => {
    const features = extractFeatures('cancel order 55123');
    expect(features.get('w:num')).toBe(1);
    expect([...features.keys()].some((name) => name.includes('55123'))).toBe(false);
  });

  it('keeps a bare greeting, which is otherwise a function word', () => {
    expect(extractFeatures('hello there').get('w:hello')).toBe(1);
    expect(extractFeatures('hi, where is my parcel').has('w:hi')).toBe(false);
  });

  it('returns nothing for text without words', () => {
    expect(extractFeatures('?!… 🙂').size).toBe(0);
  });
});
