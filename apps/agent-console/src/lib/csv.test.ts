import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes RFC 4180 records: CRLF, quoted fields with commas, quotes and line breaks', () => {
    expect(
      toCsv(
        ['day', 'text', 'n'],
        [
          ['2025-01-15', 'plain', 3],
          ['2025-01-16', 'a, "b"\nc', null],
        ],
      ),
    ).toBe('day,text,n\r\n2025-01-15,plain,3\r\n2025-01-16,"a, ""b""\nc",\r\n');
  });

  it('keeps a spreadsheet from running a customer’s words as a formula', () => {
    expect(toCsv(['q'], [['=HYPERLINK("x")'], ['-1 refund']])).toBe(
      'q\r\n"\'=HYPERLINK(""x"")"\r\n\'-1 refund\r\n',
    );
  });

  it('writes negative numbers as numbers', () => {
    expect(toCsv(['n'], [[-0.5]])).toBe('n\r\n-0.5\r\n');
  });
});
