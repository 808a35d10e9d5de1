const number = String.raw`\d{1,3}(?:[,.']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const prefix = String.raw`US\$|\$|€|£|\b(?:usd|eur|gbp|cad|aud|chf)\b`;
const suffix = String.raw`€|\$|£|\b(?:dollars?|bucks|euros?|eur|usd|pounds?|gbp|quid|cad|aud|chf)\b`;
const amountPattern = new RegExp(
  String.raw`(?:${prefix})\s?(${number})(k\b)?|(?<![\d.,])(${number})\s?(k\b)?\s?(?:${suffix})`,
  'gi',
);

/**
 * Money amounts a message mentions — `$1,200`, `1200 dollars`, `€750`, `750 EUR`, `$2k` — as numbers,
 * whatever the currency. A number without a currency (an order number, a quantity) is not an amount.
 */
export function extractMoneyAmounts(text: string): number[] {
  const amounts: number[] = [];
  for (const match of text.matchAll(amountPattern)) {
    const raw = match[1] ?? match[3];
    if (raw === undefined) continue;
    const thousands = (match[2] ?? match[4]) !== undefined;
    const value = parseAmount(raw) * (thousands ? 1000 : 1);
    if (Number.isFinite(value)) amounts.push(value);
  }
  return amounts;
}

/** The last separator is a decimal mark when one or two digits follow it; other separators group thousands. */
function parseAmount(raw: string): number {
  const decimal = /[.,](\d{1,2})$/.exec(raw);
  const whole = (decimal ? raw.slice(0, decimal.index) : raw).replace(/[,.']/g, '');
  return Number(decimal ? `${whole}.${decimal[1]}` : whole);
}
