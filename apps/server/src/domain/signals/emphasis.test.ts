import { describe, expect, it } from 'vitest';
import { emphasisFactor } from './emphasis';

describe('emphasisFactor', () => {
  it.each([
    ['calmly said', 'The box was damaged.'],
    ['acronyms', 'UPS and DHL lost it, the FAQ and the VAT ID say nothing'],
    ['order and discount codes', 'Order HP-20931 and code SAVE20'],
    ['"so" as a conjunction', 'I had a cold so I missed the delivery'],
    ['one short capital word', 'you want ME to pay'],
  ])('is 1 when %s', (_name, text) => {
    expect(emphasisFactor(text)).toBe(1);
  });

  it.each([
    ['an intensifier before a negative word', 'completely useless'],
    ['an intensifier through another one', 'so very rude'],
    ['a superlative', 'the worst service I have ever had'],
    ['an exclamation run', 'the box was damaged!!'],
    ['"?!"', 'why was I charged?!'],
    ['a shouted word', 'the box was DAMAGED'],
    ['two short shouted words', 'NO ONE answers'],
    ['a repeated negative word', 'Terrible, terrible service'],
  ])('is above 1 with %s', (_name, text) => {
    expect(emphasisFactor(text)).toBeGreaterThan(1);
  });

  it('is below 1 when toned down, and never above 2', () => {
    expect(emphasisFactor('a bit disappointing')).toBeLessThan(1);
    expect(
      emphasisFactor('ABSOLUTELY the WORST, most useless shop I have ever seen!!! Terrible, terrible'),
    ).toBe(2);
  });
});
