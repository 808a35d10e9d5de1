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

type Detector = (text: string, profile: TextProfile) => SensitiveFinding[];

/**
 * What a text holds that the detectors need, from one pass over it: most texts have no number long
 * enough for any of them, and their regular expressions need not run at all.
 */
export interface TextProfile {
  /** Whether it has an `@`. */
  at: boolean;
  /** ASCII digits in all. */
  digits: number;
  /** The longest run of consecutive digits. */
  run: number;
  /** The most digits in a row with at most one space or hyphen between two (cards, SSNs, NI numbers). */
  grouped: number;
  /** The same with up to two of space, dot, hyphen and parentheses between two (phone numbers). */
  spaced: number;
  /** Whether two ASCII letters are followed by two digits somewhere (IBANs, codici fiscali). */
  lettersThenDigits: boolean;
  /** The same, or with one space between the letters and the digits. */
  lettersNearDigits: boolean;
  /**
   * Whether a cluster of 6 or more digits follows two letters (and maybe a space) and is followed by
   * a letter A to D ending a word (and maybe a space before it): the shape of a UK National
   * Insurance number.
   */
  insuranceShape: boolean;
  /** Whether a run of 7 or more digits is followed by a letter, or by a hyphen and a letter (Spanish ids). */
  longRunThenLetter: boolean;
}

/** A run of digits with spaces, dots, hyphens and parentheses among them: where numbers are. */
const digitCluster = /\d(?:[\d .()-]*\d)?/g;

/**
 * Profiles a text; see `TextProfile`. Only the digit clusters (found by one regular expression) and
 * the characters on either side of each are looked at.
 */
export function profileText(text: string): TextProfile {
  const profile: TextProfile = {
    at: text.includes('@'),
    digits: 0,
    run: 0,
    grouped: 0,
    spaced: 0,
    lettersThenDigits: false,
    lettersNearDigits: false,
    insuranceShape: false,
    longRunThenLetter: false,
  };
  digitCluster.lastIndex = 0;
  for (let match = digitCluster.exec(text); match !== null; match = digitCluster.exec(text)) {
    profileCluster(text, match.index, match.index + match[0].length, profile);
  }
  return profile;
}

/** Adds one digit cluster, `text.slice(start, end)`, to a profile. */
function profileCluster(text: string, start: number, end: number, profile: TextProfile): void {
  // Letters can only touch a cluster's first run: inside it, runs are joined by separators.
  const lettersBefore = lettersEndingAt(text, start);
  const lettersNear =
    lettersBefore >= 2 || (text.charCodeAt(start - 1) === 0x20 && lettersEndingAt(text, start - 1) >= 2);
  if (lettersNear) profile.lettersNearDigits = true;
  let digits = 0;
  let run = 0;
  let grouped = 0;
  let groupedGap = 2;
  let spaced = 0;
  let spacedGap = 3;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      digits++;
      run++;
      if (run > profile.run) profile.run = run;
      grouped = groupedGap <= 1 ? grouped + 1 : 1;
      if (grouped > profile.grouped) profile.grouped = grouped;
      spaced = spacedGap <= 2 ? spaced + 1 : 1;
      if (spaced > profile.spaced) profile.spaced = spaced;
      groupedGap = 0;
      spacedGap = 0;
      if (run === 2 && i === start + 1 && lettersBefore >= 2) profile.lettersThenDigits = true;
      continue;
    }
    run = 0;
    spacedGap++;
    // Space and hyphen join digits in both counts; dot and parentheses only in phone numbers.
    if (code === 0x20 || code === 0x2d) groupedGap++;
    else groupedGap = 2;
  }
  profile.digits += digits;
  if (lettersNear && digits >= 6 && !profile.insuranceShape) {
    const suffix = text.charCodeAt(end) === 0x20 ? end + 1 : end;
    const letter = text.charCodeAt(suffix) | 0x20;
    if (letter >= 0x61 && letter <= 0x64 && !isWordCharacter(text.charCodeAt(suffix + 1))) {
      profile.insuranceShape = true;
    }
  }
  // A cluster ends with a digit: what follows it is a letter, a hyphen and a letter, or neither.
  if (run >= 7) {
    const next = text.charCodeAt(end);
    if (isAsciiLetter(next === 0x2d ? text.charCodeAt(end + 1) : next)) profile.longRunThenLetter = true;
  }
}

/** What `\b` sees as a word character: an ASCII letter, a digit or `_`. */
function isWordCharacter(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** How many ASCII letters (up to 2, all that matters) end right before `index`. */
function lettersEndingAt(text: string, index: number): number {
  if (!isAsciiLetter(text.charCodeAt(index - 1))) return 0;
  return isAsciiLetter(text.charCodeAt(index - 2)) ? 2 : 1;
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

const mayHoldPasswordKeyword = /p(?:ass|wd|in)/i;

/**
 * Detectors in order of precedence: where two overlap, the earlier one wins. Each runs only when the
 * text has what any of its matches needs (its `needs` is a necessary condition, never a guess), so the
 * findings are the same as running every detector on every text.
 */
const detectors: { needs: (profile: TextProfile, text: string) => boolean; detect: Detector }[] = [
  { needs: (_, text) => mayHoldPasswordKeyword.test(text), detect: findPasswords },
  {
    needs: (p) => p.at,
    detect: (text) =>
      findMatches(text, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, 'email'),
  },
  { needs: (p) => p.lettersThenDigits, detect: findIbans },
  // 13 to 19 digits, alone or in groups.
  { needs: (p) => p.grouped >= 13, detect: findCards },
  {
    needs: (p) => p.grouped >= 9 || p.insuranceShape || p.longRunThenLetter || p.lettersThenDigits,
    detect: findNationalIds,
  },
  // At least 8 digits: "+" and 8 to 15, "00" and 8 to 15 more, or the 10 of the US shape.
  { needs: (p) => p.spaced >= 8, detect: findPhones },
];

/** Every card, IBAN, identity number, e-mail, phone number and password in a text, in reading order. */
export function findSensitiveData(text: string): SensitiveFinding[] {
  return findWith(text, profileText(text));
}

/** `findSensitiveData` with every detector run on the whole text: the reference the profile is tested against. */
export function findSensitiveDataUnfiltered(text: string): SensitiveFinding[] {
  return findWith(text, null);
}

/** The findings of the detectors that `profile` lets run (all of them without one). */
function findWith(text: string, profile: TextProfile | null): SensitiveFinding[] {
  const accepted: SensitiveFinding[] = [];
  for (const { needs, detect } of detectors) {
    if (profile !== null && !needs(profile, text)) continue;
    for (const finding of detect(text, profile ?? everything)) {
      if (!accepted.some((a) => finding.start < a.end && a.start < finding.end)) accepted.push(finding);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** A profile that lets every pattern run. */
const everything: TextProfile = {
  at: true,
  digits: Number.POSITIVE_INFINITY,
  run: Number.POSITIVE_INFINITY,
  grouped: Number.POSITIVE_INFINITY,
  spaced: Number.POSITIVE_INFINITY,
  lettersThenDigits: true,
  lettersNearDigits: true,
  insuranceShape: true,
  longRunThenLetter: true,
};

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

function findNationalIds(text: string, profile: TextProfile): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  if (profile.grouped >= 9) {
    findings.push(...findMatches(text, /\b\d{3}-\d{2}-\d{4}\b/g, 'national_id', isValidSsn));
  }
  if (profile.insuranceShape) {
    findings.push(
      ...findMatches(
        text,
        /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi,
        'national_id',
        (m) => !ukNiPrefixesNotIssued.has(m.slice(0, 2).toUpperCase()),
      ),
    );
  }
  if (profile.longRunThenLetter) {
    findings.push(
      ...findMatches(text, /\b[XYZ]?\d{7,8}-?[A-Z]\b/gi, 'national_id', (m) =>
        isValidSpanishId(m.replace('-', '')),
      ),
    );
  }
  if (profile.lettersThenDigits && profile.digits >= 7) {
    // Italian codice fiscale: its shape (surname, name, birth date and place) is distinctive enough.
    findings.push(
      ...findMatches(text, /\b[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]\b/gi, 'national_id'),
    );
  }
  return findings;
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
