import { describe, expect, it } from 'vitest';
import { createDatasetRedactor } from './dataset-redaction';
import { redactPersonalData } from './redact';

describe('createDatasetRedactor', () => {
  it.each([
    'mail me at a.b+c@shop.co.uk',
    'card 4111 1111 1111 1111 thanks',
    'IBAN DE89 3704 0044 0532 0130 00',
    'call +44 20 7946 0958 or (555) 123-4567',
    'ssn 123-45-6789, NI AB 12 34 56 C, DNI 12345678Z, CF RSSMRA85T10A562S',
    'my password is hunter22',
    'my PIN is 1234',
    'PWD: s3cr3t!',
    'order 12345 arrived',
    'nothing personal here, just a question about tents',
    'Ünïcödé text with an e-mail jane@example.com',
  ])('gives what redactPersonalData gives for %j', (text) => {
    const redact = createDatasetRedactor();
    expect(redact(text)).toBe(redactPersonalData(text));
    expect(redact(text)).toBe(redactPersonalData(text));
  });

  it('returns text without digits, @ or password words unchanged', () => {
    const text = 'How long does shipping take to Leeds?';
    expect(createDatasetRedactor()(text)).toBe(text);
  });

  it('stays correct once it remembers more texts than it keeps', () => {
    const redact = createDatasetRedactor();
    for (let i = 0; i < 5000; i++) {
      const text = `customer ${i} writes from user${i}@example.com`;
      expect(redact(text)).toBe(`customer ${i} writes from [EMAIL]`);
    }
    expect(redact('customer 1 writes from user1@example.com')).toBe('customer 1 writes from [EMAIL]');
  });
});
