import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment';

describe('scoreSentiment', () => {
  const table: [string, string, 'positive' | 'negative' | 'neutral'][] = [
    ['clearly positive', 'Thank you so much, this is great!', 'positive'],
    ['praise', 'Absolutely fantastic service', 'positive'],
    ['clearly negative', 'This is terrible, worst service ever.', 'negative'],
    ['anger', 'I am extremely angry', 'negative'],
    ['neutral question', 'Where is my order?', 'neutral'],
    ['neutral statement', 'I ordered a tent on Monday', 'neutral'],
    ['negated positive', 'This is not good', 'negative'],
    ['negated negative', 'not bad at all', 'positive'],
    ['negated liking', "I don't like it", 'negative'],
    ['angry emoji', 'this sucks 👎', 'negative'],
    ['happy emoji', 'great 😊', 'positive'],
    ['complaint after a polite opening', 'Hi. This is the worst service ever.', 'negative'],
    ['waiting complaint', 'Why is this taking so long?', 'negative'],
    ['still waiting', 'Still waiting.', 'negative'],
    ['repeating oneself', 'This is the third time I am asking', 'negative'],
  ];
  it.each(table)('%s: "%s" is %s', (_name, text, sign) => {
    const score = scoreSentiment(text);
    if (sign === 'positive') expect(score).toBeGreaterThan(0.2);
    if (sign === 'negative') expect(score).toBeLessThan(-0.2);
    if (sign === 'neutral') expect(Math.abs(score)).toBeLessThanOrEqual(0.2);
  });

  it('stays within [-1, 1] and gives 0 for empty text', () => {
    expect(scoreSentiment('')).toBe(0);
    for (const text of ['awful awful awful horrible disgusting', 'love love love wonderful amazing']) {
      const score = scoreSentiment(text);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('scores a strongly negative message below the default escalation limit', () => {
    expect(scoreSentiment('I am very disappointed, this is not good')).toBeLessThan(-0.6);
  });
});
