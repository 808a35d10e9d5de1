import { describe, expect, it } from 'vitest';
import {
  findSensitiveData,
  findSensitiveDataUnfiltered,
  profileText,
  redactSensitiveData,
  type SensitiveDataKind,
} from './sensitive-data';
import { isLuhnValid, isValidIban, isValidSpanishId, isValidSsn } from './sensitive-data-checks';

const kindsIn = (text: string) => findSensitiveData(text).map((f) => f.kind);

const table: [string, string, SensitiveDataKind[]][] = [
  // cards: 13–19 digits, spaces or dashes, Luhn-checked
  ['Visa with spaces', 'card 4111 1111 1111 1111 thanks', ['card']],
  ['Mastercard with dashes', 'it is 5500-0000-0000-0004', ['card']],
  ['Amex 4-6-5', 'amex 3782 822463 10005', ['card']],
  ['13-digit Visa', 'number 4222222222222', ['card']],
  ['a card among other digits', 'ref 12 4111 1111 1111 1111', ['card']],
  ['Luhn fails: not a card', 'card 4111 1111 1111 1112', []],
  ['13-digit order number failing Luhn', 'order 1234567890123 is late', []],
  ['Luhn-valid number called an order number', 'my order number is 1234567890128', []],
  ['12 digits is too short', '4111 1111 1111', []],
  // IBAN: mod-97
  ['German IBAN', 'IBAN DE89 3704 0044 0532 0130 00', ['iban']],
  ['British IBAN followed by a word', 'GB82 WEST 1234 5698 7654 32 please', ['iban']],
  ['French IBAN', 'FR14 2004 1010 0505 0001 3M02 606', ['iban']],
  ['compact lowercase IBAN', 'nl91abna0417164300', ['iban']],
  ['IBAN with a wrong check', 'IBAN DE89 3704 0044 0532 0130 01', []],
  ['IBAN of the wrong length', 'GB82 WEST 1234 5698 7654', []],
  // national ids
  ['US SSN', 'ssn 123-45-6789', ['national_id']],
  ['SSN area 000 is never issued', 'ssn 000-45-6789', []],
  ['UK NI with spaces', 'NI AB 12 34 56 C', ['national_id']],
  ['UK NI lowercase', 'ni ab123456c', ['national_id']],
  ['UK NI prefix never issued', 'GB123456A', []],
  ['Spanish DNI', 'DNI 12345678Z', ['national_id']],
  ['Spanish DNI with a wrong letter', 'DNI 12345678A', []],
  ['Spanish NIE', 'NIE X1234567L', ['national_id']],
  ['Italian codice fiscale', 'CF RSSMRA85T10A562S', ['national_id']],
  // e-mail
  ['e-mail', 'mail me at a.b+c@shop.co.uk', ['email']],
  // phones
  ['UK international', 'call +44 20 7946 0958', ['phone']],
  ['French international', '+33 6 12 34 56 78', ['phone']],
  ['compact international', 'whatsapp +33612345678', ['phone']],
  ['US with +1', '+1 (555) 123-4567', ['phone']],
  ['US with parentheses', 'call (555) 123-4567', ['phone']],
  ['US with dashes', '555-123-4567', ['phone']],
  ['US with dots', '555.123.4567', ['phone']],
  ['00 international prefix', '0044 20 7946 0958', ['phone']],
  ['plain order number', 'order 12345678901', []],
  ['10 digits in a row', 'order #5551234567', []],
  ['a date', 'delivered on 2024-01-15', []],
  ['a rating', '+5 stars', []],
  // passwords
  ['password is', 'my password is hunter22', ['password']],
  ['pwd colon', 'pwd: s3cr3t!', ['password']],
  ['passcode without separator', 'passcode 4821', ['password']],
  ['password equals', 'password=abc', ['password']],
  ['PIN', 'my PIN is 1234', ['password']],
  ['forgot password', 'I forgot my password', []],
  ['password reset', 'the password reset link expired', []],
  ['password is wrong', 'it says my password is wrong', []],
  ["password doesn't work", "my password doesn't work", []],
  ['pin as a word', 'the pin was bent', []],
  // several
  [
    'several in reading order',
    'mail x@y.com or +44 20 7946 0958, card 4111111111111111',
    ['email', 'phone', 'card'],
  ],
];

describe('findSensitiveData', () => {
  it.each(table)('%s', (_name, text, kinds) => {
    expect(kindsIn(text)).toEqual(kinds);
  });

  it('gives the offsets of each finding', () => {
    const text = 'card 4111 1111 1111 1111 thanks';
    const [finding] = findSensitiveData(text);
    expect(finding && text.slice(finding.start, finding.end)).toBe('4111 1111 1111 1111');
  });
});

describe('the profile that decides which detectors run', () => {
  it('measures digits, runs, groups and letter-digit joins', () => {
    expect(profileText('ab12 34-56 (7).8 x@y')).toEqual({
      at: true,
      digits: 8,
      run: 2,
      grouped: 6,
      spaced: 8,
      lettersThenDigits: true,
      lettersNearDigits: true,
      insuranceShape: false,
      longRunThenLetter: false,
    });
    expect(profileText('NI AB 12 34 56 C.')).toMatchObject({ insuranceShape: true, grouped: 6 });
    expect(profileText('order 3529931 is late')).toMatchObject({ insuranceShape: false, run: 7 });
    expect(profileText('a1 b22 cc 33')).toMatchObject({
      lettersThenDigits: false,
      lettersNearDigits: true,
      grouped: 2,
      spaced: 2,
    });
    expect(profileText('1234567-Z 12345678')).toMatchObject({
      longRunThenLetter: true,
      lettersNearDigits: false,
    });
  });

  /** A generator of texts built around the shapes the detectors look for, deterministic by seed. */
  function randomTexts(count: number, seed: number): string[] {
    let state = seed;
    const random = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const pieces = [
      ...'0123456789'.split(''),
      ...'0123456789'.split(''),
      ' ',
      ' ',
      '-',
      '.',
      '(',
      ')',
      '+',
      '00',
      '@',
      'x@y.co',
      'a',
      'Z',
      'de',
      'GB',
      'RSSMRA',
      'X',
      'pin ',
      'password is ',
      'pwd:',
      'order ',
      '#',
      '\n',
      'é',
      ...table.map(([, text]) => text),
    ];
    return Array.from({ length: count }, () => {
      let text = '';
      const length = 1 + Math.floor(random() * 30);
      for (let i = 0; i < length; i++) text += pick(pieces);
      return text;
    });
  }

  // One comparison of the collected differences, not 20,000 expect calls: the same check, a fraction of the
  // work, so a busy machine does not push it past the timeout (which is generous for the same reason).
  it('never changes what is found: every text gives the findings of all detectors run on it', {
    timeout: 60_000,
  }, () => {
    const texts = [...table.map(([, text]) => text), ...randomTexts(20_000, 7)];
    let withFindings = 0;
    const differences: { text: string; expected: string; found: string }[] = [];
    for (const text of texts) {
      const expected = JSON.stringify(findSensitiveDataUnfiltered(text));
      if (expected !== '[]') withFindings++;
      const found = JSON.stringify(findSensitiveData(text));
      if (found !== expected) differences.push({ text, expected, found });
    }
    expect(differences.slice(0, 5)).toEqual([]);
    // The generator must reach the detectors, or the comparison says nothing.
    expect(withFindings).toBeGreaterThan(2_000);
  });
});

describe('redactSensitiveData', () => {
  const table: [string, string][] = [
    ['mail me at a.b+c@shop.co.uk', 'mail me at [EMAIL]'],
    ['card 4111 1111 1111 1111 thanks', 'card [CARD] thanks'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'IBAN [IBAN]'],
    ['call +44 20 7946 0958', 'call [PHONE]'],
    ['call (555) 123-4567', 'call [PHONE]'],
    ['ssn 123-45-6789', 'ssn [NATIONAL_ID]'],
    ['my password is hunter22', 'my password [PASSWORD]'],
    ['pwd:abc', 'pwd [PASSWORD]'],
    ['order 1234567890123 is late', 'order 1234567890123 is late'],
    ['x@y.com / 4111111111111111', '[EMAIL] / [CARD]'],
  ];
  it.each(table)('%s', (input, expected) => {
    expect(redactSensitiveData(input)).toBe(expected);
  });
});

describe('checks', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['12a4', false],
  ])('Luhn %s → %s', (digits, valid) => expect(isLuhnValid(digits)).toBe(valid));

  it.each([
    ['DE89 3704 0044 0532 0130 00', true],
    ['DE89 3704 0044 0532 0130 01', false],
    ['GB82WEST12345698765432', true],
    ['XX00', false],
  ])('IBAN %s → %s', (iban, valid) => expect(isValidIban(iban)).toBe(valid));

  it.each([
    ['123-45-6789', true],
    ['666-45-6789', false],
    ['912-45-6789', false],
    ['123-00-6789', false],
    ['123-45-0000', false],
  ])('SSN %s → %s', (ssn, valid) => expect(isValidSsn(ssn)).toBe(valid));

  it.each([
    ['12345678Z', true],
    ['x1234567l', true],
    ['12345678A', false],
    ['X12345678Z', false],
  ])('Spanish id %s → %s', (id, valid) => expect(isValidSpanishId(id)).toBe(valid));
});
