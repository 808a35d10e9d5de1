import { describe, expect, it } from 'vitest';
import { extractMoneyAmounts } from './money-amounts';

describe('extractMoneyAmounts', () => {
  it.each([
    ['refund my $1,200 please', [1200]],
    ['it was 1200 dollars', [1200]],
    ['paid €750 for it', [750]],
    ['paid 750€', [750]],
    ['750 EUR', [750]],
    ['USD 300 and US$20', [300, 20]],
    ['£40', [40]],
    ['$19.99', [19.99]],
    ['I paid 49,90 euros', [49.9]],
    ['1.250,50 €', [1250.5]],
    ['about $2k', [2000]],
    ['30 bucks', [30]],
    ['order 12345678', []],
    ['I want 5 refunds', []],
  ] as [string, number[]][])('%s → %j', (text, amounts) => {
    expect(extractMoneyAmounts(text)).toEqual(amounts);
  });
});
