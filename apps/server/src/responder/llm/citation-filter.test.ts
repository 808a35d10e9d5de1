import { describe, expect, it } from 'vitest';
import { createCitationFilter, stripCitations } from './citation-filter';

const known = new Set(['shipping-times', 'return-policy']);

describe('stripCitations', () => {
  it.each([
    ['Shipping takes 3–5 days [shipping-times].', 'Shipping takes 3–5 days.', ['shipping-times']],
    ['A [shipping-times]. B [return-policy].', 'A. B.', ['shipping-times', 'return-policy']],
    ['Both [shipping-times, return-policy]!', 'Both!', ['shipping-times', 'return-policy']],
    ['Twice [shipping-times] and [shipping-times].', 'Twice and.', ['shipping-times']],
    ['Size [M] fits most.', 'Size [M] fits most.', []],
    ['Unknown [gift-wrap] stays.', 'Unknown [gift-wrap] stays.', []],
    ['  Spaces around.  \n', 'Spaces around.', []],
    ['I don’t have that information.', 'I don’t have that information.', []],
    ['Open [bracket never closed', 'Open [bracket never closed', []],
  ])('%j → %j', (text, expected, cited) => {
    expect(stripCitations(text, known)).toEqual({ text: expected, cited });
  });
});

describe('createCitationFilter', () => {
  const text =
    '  Orders ship in 3–5 days [shipping-times]. Returns [M] are free [return-policy] within 30 days.  ';
  const whole = stripCitations(text, known).text;

  it('gives the same text however the stream is cut', () => {
    for (let a = 0; a <= text.length; a += 3) {
      for (let b = a; b <= text.length; b += 7) {
        const filter = createCitationFilter(known);
        const out = [text.slice(0, a), text.slice(a, b), text.slice(b)].map((piece) => filter.push(piece));
        expect(out.join('') + filter.flush(), `cut at ${a}, ${b}`).toBe(whole);
        expect(filter.cited).toEqual(['shipping-times', 'return-policy']);
      }
    }
  });

  it('holds back a possible mark, and nothing else', () => {
    const filter = createCitationFilter(known);
    expect(filter.push('Orders ship')).toBe('Orders ship');
    expect(filter.push(' fast [ship')).toBe(' fast');
    expect(filter.push('ping-times]')).toBe('');
    expect(filter.push('. Done')).toBe('. Done');
    expect(filter.flush()).toBe('');
  });
});
