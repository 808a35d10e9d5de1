/** Check digits that tell a real card, IBAN or identity number from any other run of digits. */

/** Luhn (mod 10), used by every payment card network. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Lengths of the most common IBAN countries; others only need to be within the ISO 13616 bounds. */
const ibanLengths = new Map(
  'AT20 BE16 CH21 CY28 CZ24 DE22 DK18 EE20 ES24 FI18 FR27 GB22 GR27 HR21 HU28 IE22 IT27 LT20 LU20 LV21 MT31 NL18 NO15 PL28 PT25 RO24 SE24 SI19 SK24'
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))] as const),
);

/** ISO 13616: country, two check digits, then the account; valid when the rearranged number mod 97 is 1. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/[ -]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = ibanLengths.get(iban.slice(0, 2));
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** US Social Security number: no area 000, 666 or 9xx, no group 00, no serial 0000. */
export function isValidSsn(ssn: string): boolean {
  const match = /^(\d{3})-(\d{2})-(\d{4})$/.exec(ssn);
  if (!match) return false;
  const [, area = '', group = '', serial = ''] = match;
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000';
}

const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): the letter is the number mod 23. */
export function isValidSpanishId(id: string): boolean {
  const upper = id.toUpperCase();
  const match = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(upper);
  if (!match) return false;
  const [, prefix = '', digits = '', letter] = match;
  if (prefix === '' ? digits.length !== 8 : digits.length !== 7) return false;
  const number = Number(prefix === '' ? digits : `${'XYZ'.indexOf(prefix)}${digits}`);
  return dniLetters[number % 23] === letter;
}
