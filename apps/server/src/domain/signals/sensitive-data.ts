import type { SensitiveDataKind } from '@hitl/shared/policy';
import { isLuhnValid, isValidIban, isValidSpanishId, isValidSsn } from './sensitive-data-checks';

export { type SensitiveDataKind, sensitiveDataKinds } from '@hitl/shared/policy';

/** Where a piece of sensitive data sits in a text: `text.slice(start, end)`. */
export interface SensitiveFinding {
  kind: SensitiveDataKind;
  start: number;
  end: number;
}

const labels: Record<SensitiveDataKind, string> = {
  card: '[CARD]',
  iban: '[IBAN]',
  national_id: '[NATIONAL_ID]',
  email: '[EMAIL]',
  phone: '[PHONE]',
  password: '[PASSWORD]',
};

type Detector = (text: string) => SensitiveFinding[];

/** Detectors in order of precedence: where two overlap, the earlier one wins. */
const detectors: Detector[] = [
  findPasswords,
  (text) => findMatches(text, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, 'email'),
  findIbans,
  findCards,
  findNationalIds,
  findPhones,
];

/** Every card, IBAN, identity number, e-mail, phone number and password in a text, in reading order. */
export function findSensitiveData(text: string): SensitiveFinding[] {
  const accepted: SensitiveFinding[] = [];
  for (const detect of detectors) {
    for (const finding of detect(text)) {
      if (!accepted.some((a) => finding.start < a.end && a.start < finding.end)) accepted.push(finding);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/**
 * Replaces each finding with a label naming what was removed (`[CARD]`, `[EMAIL]` …). Applied before any
 * text leaves for an external model and to every exported text.
 */
export function redactSensitiveData(text: string): string {
  let out = '';
  let cursor = 0;
  for (const { kind, start, end } of findSensitiveData(text)) {
    const before = text.slice(cursor, start);
    const glueBefore = /[\p{L}\p{N}]$/u.test(before) ? ' ' : '';
    const glueAfter = /^[\p{L}\p{N}]/u.test(text.slice(end)) ? ' ' : '';
    out += `${before}${glueBefore}${labels[kind]}${glueAfter}`;
    cursor = end;
  }
  return out + text.slice(cursor);
}

function findMatches(
  text: string,
  pattern: RegExp,
  kind: SensitiveDataKind,
  accept: (match: string) => boolean = () => true,
): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  for (const match of text.matchAll(pattern)) {
    if (accept(match[0])) findings.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  return findings;
}

/*
 * A keyword, a separator, then the secret. After "is"/"was" the next word is often a state, not the
 * secret ("my password is wrong"); with no separator at all the value must contain a digit
 * ("password doesn't work" is a complaint, "passcode 4821" a secret). A PIN is always 4–8 digits.
 */
const passwordPattern =
  /\b(password|passwort|passwd|pwd|passcode|pass code|pin code|pin)\b(\s*(?:(?:is|was)\b\s*)?[:=]?\s*)(\S+)/gi;
const notSecrets = new Set(
  [
    'wrong incorrect invalid not no expired too forgotten lost missing reset correct right working broken',
    'the my a an same different changed locked blocked case required needed long short weak strong ok fine',
    'still also now being rejected accepted and but what how where empty blank sent set saved',
  ]
    .join(' ')
    .split(' '),
);

function findPasswords(text: string): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  for (const match of text.matchAll(passwordPattern)) {
    const [whole, keyword = '', separator = '', value = ''] = match;
    if (separator === '') continue;
    const byWord = /\b(is|was)\b/i.test(separator) && !/[:=]/.test(separator);
    const bare = !byWord && !/[:=]/.test(separator);
    if (/^pin/i.test(keyword) && !/^\d{4,8}[.,;!?]?$/.test(value)) continue;
    if (byWord && notSecrets.has(value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))) continue;
    if (bare && !/\d/.test(value)) continue;
    const lead = separator.length - separator.trimStart().length;
    const start = match.index + keyword.length + (bare ? separator.length : lead);
    findings.push({ kind: 'password', start, end: match.index + whole.length });
  }
  return findings;
}

/**
 * The longest part of each match, cut at its separators, that passes the check: a card number may be
 * preceded or followed by other digits, an IBAN by a word.
 */
function findChecked(
  text: string,
  pattern: RegExp,
  kind: SensitiveDataKind,
  isValid: (candidate: string) => boolean,
  options: { trimStart: boolean },
): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const cuts = [...raw.matchAll(/[ -]/g)].map((m) => m.index);
    const starts = options.trimStart ? [0, ...cuts.map((c) => c + 1)] : [0];
    const ends = [raw.length, ...cuts.reverse()];
    const candidates = starts
      .flatMap((s) => ends.filter((e) => e > s).map((e) => [s, e] as const))
      .sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
    const best = candidates.find(([s, e]) => isValid(raw.slice(s, e)));
    if (best) findings.push({ kind, start: match.index + best[0], end: match.index + best[1] });
  }
  return findings;
}

function findIbans(text: string): SensitiveFinding[] {
  return findChecked(text, /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}\b/gi, 'iban', isValidIban, {
    trimStart: false,
  });
}

function findCards(text: string): SensitiveFinding[] {
  const isCard = (candidate: string) => {
    const digits = candidate.replace(/[ -]/g, '');
    return digits.length >= 13 && digits.length <= 19 && /^\d/.test(candidate) && isLuhnValid(digits);
  };
  return findChecked(text, /(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)/g, 'card', isCard, {
    trimStart: true,
  }).filter((finding) => !labelledAsReference.test(text.slice(0, finding.start)));
}

/** One random number in ten passes Luhn: a number the customer calls an order or tracking number is one. */
const labelledAsReference =
  /\b(order|tracking|invoice|parcel|shipment|ref|reference|confirmation)\s*(no\.?|nr\.?|number|id|code)?\s*(is\s*)?[#:]?\s*$/i;

const ukNiPrefixesNotIssued = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

function findNationalIds(text: string): SensitiveFinding[] {
  return [
    ...findMatches(text, /\b\d{3}-\d{2}-\d{4}\b/g, 'national_id', isValidSsn),
    ...findMatches(
      text,
      /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi,
      'national_id',
      (m) => !ukNiPrefixesNotIssued.has(m.slice(0, 2).toUpperCase()),
    ),
    ...findMatches(text, /\b[XYZ]?\d{7,8}-?[A-Z]\b/gi, 'national_id', (m) =>
      isValidSpanishId(m.replace('-', '')),
    ),
    // Italian codice fiscale: its shape (surname, name, birth date and place) is distinctive enough.
    ...findMatches(text, /\b[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]\b/gi, 'national_id'),
  ];
}

/*
 * Phone numbers need a leading + (or 00 and separators) or the US shape (555) 123-4567 / 555-123-4567:
 * a bare run of digits is far more often an order or tracking number.
 */
function findPhones(text: string): SensitiveFinding[] {
  const digitCount = (m: string) => m.replace(/\D/g, '').length;
  return [
    ...findMatches(text, /(?<![\w+])\+\d(?:[ .\-()]{0,2}\d){6,14}(?!\d)/g, 'phone', (m) => {
      const n = digitCount(m);
      return n >= 8 && n <= 15;
    }),
    ...findMatches(
      text,
      /(?<![\w+]|\d[ .-])00[1-9]\d{0,2}(?:[ .\-()]{1,2}\d{1,5}){2,5}(?!\d)/g,
      'phone',
      (m) => {
        const n = digitCount(m) - 2;
        return n >= 8 && n <= 15;
      },
    ),
    ...findMatches(
      text,
      /(?<![\w+(]|\d[ .-])(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])/g,
      'phone',
    ),
  ];
}
