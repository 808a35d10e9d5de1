import {
  APIConnectionTimeoutError,
  APIError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { describe, expect, it } from 'vitest';
import {
  AttemptTimeoutError,
  classifyModelError,
  IncompleteStreamError,
  ModelUnavailableError,
  parseRetryAfter,
} from './model-errors';
import { backoffDelay, retryWithBackoff } from './retry-with-backoff';

const headers = (entries: Record<string, string> = {}) => new Headers(entries);
const apiError = (status: number, h: Record<string, string> = {}) =>
  APIError.generate(status, { message: `status ${status}` }, undefined, headers(h));

describe('backoffDelay', () => {
  it.each([
    // attempt, random, expected (base 100, max 1000): half fixed, half random
    [0, 0, 50],
    [0, 1, 100],
    [1, 0.5, 150],
    [2, 0, 200],
    [3, 1, 800],
    [4, 0, 500],
    [10, 1, 1000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, 100, 1000, () => random)).toBe(expected);
  });
});

describe('classifyModelError', () => {
  it.each([
    ['a 500', apiError(500), { failure: 'server_error', retryable: true }],
    [
      'a 503 with retry-after',
      apiError(503, { 'retry-after': '2' }),
      { retryable: true, retryAfterMs: 2000 },
    ],
    ['a 429', apiError(429, { 'retry-after-ms': '350' }), { failure: 'rate_limited', retryAfterMs: 350 }],
    ['a 408', apiError(408), { retryable: true }],
    ['a 400', apiError(400), { failure: 'refused', retryable: false }],
    ['a 401', apiError(401), { failure: 'refused', retryable: false }],
    ['a client timeout', new APIConnectionTimeoutError(), { failure: 'connection', retryable: true }],
    ['an attempt over its time', new AttemptTimeoutError('slow'), { failure: 'timeout', retryable: true }],
    ['a cut stream', new IncompleteStreamError('cut'), { failure: 'connection', retryable: true }],
    ['an open circuit', new ModelUnavailableError('circuit_open', 'open'), { retryable: false }],
    ['a bug', new TypeError('x is undefined'), { retryable: false }],
  ])('%s', (_name, error, expected) => {
    expect(classifyModelError(error, 0)).toMatchObject(expected);
  });

  it('the SDK builds the right classes', () => {
    expect(apiError(500)).toBeInstanceOf(InternalServerError);
    expect(apiError(429)).toBeInstanceOf(RateLimitError);
    expect(apiError(400)).toBeInstanceOf(BadRequestError);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [{ 'retry-after-ms': '120' }, 120],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': 'Thu, 01 Jan 1970 00:00:03 GMT' }, 3000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j → %s', (h, expected) => {
    expect(parseRetryAfter(headers(h), 0)).toBe(expected);
  });
});

/** A fake clock: sleeping moves time forward; each attempt takes `attemptMs`. */
function harness(
  outcomes: Array<unknown>,
  options: { deadline?: number; maxRetries?: number; attemptMs?: number } = {},
) {
  let now = 0;
  const slept: number[] = [];
  const budgets: number[] = [];
  const run = retryWithBackoff(
    async (_n, timeLeft) => {
      budgets.push(timeLeft);
      now += options.attemptMs ?? 10;
      const outcome = outcomes.shift();
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    {
      maxRetries: options.maxRetries ?? 2,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      deadline: options.deadline ?? 10_000,
      classify: (error) => classifyModelError(error, now),
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
      random: () => 0.5,
    },
  );
  return { run, slept, budgets };
}

describe('retryWithBackoff', () => {
  it('retries 5xx and timeouts with growing waits, then returns the result', async () => {
    const h = harness([apiError(502), new AttemptTimeoutError('slow'), 'ok']);
    await expect(h.run).resolves.toBe('ok');
    expect(h.slept).toEqual([75, 150]);
  });

  it('gives each attempt what is left of the budget', async () => {
    const h = harness([apiError(500), 'ok'], { deadline: 1000, attemptMs: 300 });
    await h.run;
    expect(h.budgets).toEqual([1000, 1000 - 300 - 75]);
  });

  it('stops after maxRetries and throws the last error', async () => {
    const last = apiError(500);
    const h = harness([apiError(500), apiError(500), last, 'never'], { maxRetries: 2 });
    await expect(h.run).rejects.toBe(last);
    expect(h.slept).toHaveLength(2);
  });

  it('does not retry what will not change (400)', async () => {
    const h = harness([apiError(400), 'never']);
    await expect(h.run).rejects.toMatchObject({ status: 400 });
    expect(h.slept).toEqual([]);
  });

  it('honours retry-after when it is longer than the backoff', async () => {
    const h = harness([apiError(429, { 'retry-after': '0.6' }), 'ok']);
    await expect(h.run).resolves.toBe('ok');
    expect(h.slept).toEqual([600]);
  });

  it('gives up rather than wait past the deadline', async () => {
    const h = harness([apiError(429, { 'retry-after': '5' }), 'ok'], { deadline: 2000 });
    await expect(h.run).rejects.toMatchObject({ status: 429 });
    expect(h.slept).toEqual([]);
  });
});
