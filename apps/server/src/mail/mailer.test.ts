import { describe, expect, it } from 'vitest';
import { describeSendFailure } from './mailer';

describe('describeSendFailure', () => {
  it.each([
    [{ code: 'EAUTH', responseCode: 535 }, 'the mail server refused our login'],
    [{ code: 'EENVELOPE', responseCode: 550 }, 'the mail server refused the message (550)'],
    [{ code: 'EMESSAGE', responseCode: 451 }, 'the mail server deferred the message (451); try again later'],
    [{ code: 'ECONNECTION' }, 'the mail server could not be reached'],
    [{ code: 'ETIMEDOUT' }, 'the mail server did not answer in time'],
    [{ code: 'EENVELOPE' }, 'the mail server refused the address'],
    [new Error('boom'), 'the mail server did not take the message'],
    [null, 'the mail server did not take the message'],
  ])('%j → %s', (err, reason) => {
    expect(describeSendFailure(err)).toBe(reason);
  });
});
