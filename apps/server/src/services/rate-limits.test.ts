import { describe, expect, it } from 'vitest';
import {
  createRateLimits,
  loginBlockSeconds,
  RateLimitedError,
  type RateLimitSpecs,
  rateLimitNames,
} from './rate-limits';

const off = Object.fromEntries(rateLimitNames.map((name) => [name, null])) as RateLimitSpecs;
const limits = (specs: Partial<RateLimitSpecs>) => createRateLimits({ ...off, ...specs }, { kind: 'memory' });

async function refusal(promise: Promise<unknown>): Promise<RateLimitedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RateLimitedError)) throw new Error(`expected rate_limited, got ${String(error)}`);
  return error;
}

describe('rate limits', () => {
  it.each([
    [1, 60],
    [2, 120],
    [3, 240],
    [6, 1920],
    [7, 3600],
    [20, 3600],
  ])('the login block number %i lasts %i s', (block, seconds) => {
    expect(loginBlockSeconds(block)).toBe(seconds);
  });

  it('allows the limit, then refuses with the wait, per key', async () => {
    const rl = limits({ messageVisitor: { points: 3, durationSeconds: 10 } });
    for (let i = 0; i < 3; i++) await rl.consume('messageVisitor', 'v1');
    const error = await refusal(rl.consume('messageVisitor', 'v1'));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(10_000);
    await rl.consume('messageVisitor', 'v2');
  });

  it('a limit switched off never refuses', async () => {
    const rl = limits({});
    for (let i = 0; i < 100; i++) await rl.consume('messageIp', 'same');
  });

  it('blocks an account after its failures, whatever the password, and a success clears it', async () => {
    const rl = limits({ loginAccount: { points: 2, durationSeconds: 900 } });
    await rl.checkLogin('a@x.co', 'ip1');
    await rl.loginFailed('a@x.co', 'ip1');
    await rl.loginSucceeded('a@x.co');
    await rl.loginFailed('a@x.co', 'ip1');
    await rl.checkLogin('a@x.co', 'ip1');
    await rl.loginFailed('a@x.co', 'ip1');
    const blocked = await refusal(rl.checkLogin('a@x.co', 'ip2'));
    expect(blocked.retryAfterMs).toBeGreaterThan(55_000);
    expect(blocked.retryAfterMs).toBeLessThanOrEqual(60_000);
    await rl.checkLogin('b@x.co', 'ip1');
  });

  it('counts failures per address across accounts', async () => {
    const rl = limits({ loginIp: { points: 3, durationSeconds: 900 } });
    for (const account of ['a', 'b', 'c', 'd']) await rl.loginFailed(account, 'ip1');
    await refusal(rl.checkLogin('e', 'ip1'));
    await rl.checkLogin('e', 'ip2');
  });
});
