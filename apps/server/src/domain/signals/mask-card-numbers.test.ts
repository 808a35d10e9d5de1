import { describe, expect, it } from 'vitest';
import { maskCardNumbers } from './mask-card-numbers';

describe('maskCardNumbers', () => {
  it.each([
    ['my card is 4111 1111 1111 1111 ok', 'my card is •••• 1111 ok'],
    ['4111-1111-1111-1111', '•••• 1111'],
    ['two: 5555555555554444 and 4012888888881881.', 'two: •••• 4444 and •••• 1881.'],
    ['order 1234 5678 9012 3456 is late', 'order 1234 5678 9012 3456 is late'],
    ['no numbers here', 'no numbers here'],
    ['mail a@b.co', 'mail a@b.co'],
  ])('%j is stored as %j', (text, stored) => {
    expect(maskCardNumbers(text).text).toBe(stored);
  });

  it('keeps the findings of the original text, cards included', () => {
    const { findings } = maskCardNumbers('card 4111 1111 1111 1111, mail a@b.co');
    expect(findings.map((f) => f.kind).sort()).toEqual(['card', 'email']);
  });
});
