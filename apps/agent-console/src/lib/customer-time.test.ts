import { describe, expect, it } from 'vitest';
import { formatCustomerTime, formatOffset } from './customer-time';

const noonUtc = Date.parse('2026-12-01T12:00:00Z'); // a Tuesday

describe('formatCustomerTime', () => {
  it('uses the time zone the browser reported', () => {
    expect(formatCustomerTime(noonUtc, 'Asia/Tokyo', 540)).toBe('Tue 21:00 (Asia/Tokyo)');
  });

  it('falls back to the offset without a zone, or with one this browser does not know', () => {
    expect(formatCustomerTime(noonUtc, null, -300)).toBe('07:00 (UTC-5)');
    expect(formatCustomerTime(noonUtc, 'Not/AZone', 330)).toBe('17:30 (UTC+5:30)');
  });

  it('names offsets briefly', () => {
    expect([formatOffset(0), formatOffset(120), formatOffset(-570)]).toEqual(['UTC', 'UTC+2', 'UTC-9:30']);
  });
});
