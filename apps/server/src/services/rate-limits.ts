import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DomainError } from './domain-error';

/** `points` actions per `durationSeconds`; null switches the limit off. */
export type RateLimitSpec = { points: number; durationSeconds: number } | null;

export const rateLimitNames = [
  'loginAccount',
  'loginIp',
  'widgetSessionIp',
  'messageVisitor',
  'messageIp',
  'contactVisitor',
  'contactIp',
] as const;
export type RateLimitName = (typeof rateLimitNames)[number];

export type RateLimitSpecs = Record<RateLimitName, RateLimitSpec>;

/** Refused for now; `retryAfterMs` says when to try again (Retry-After on REST, in the ack on sockets). */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterMs: number) {
    super(
      'rate_limited',
      `Too many requests. Try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
    );
  }
}

/** The store the counters live in: this process, or Redis shared by every node. */
export type RateLimitStore = { kind: 'memory' } | { kind: 'redis'; client: unknown };

export interface RateLimits {
  /** Counts one action against `name` for `key`; throws RateLimitedError when over the limit. */
  consume(name: RateLimitName, key: string): Promise<void>;
  /** Throws RateLimitedError while the account or the address is blocked from logging in. */
  checkLogin(account: string, ip: string): Promise<void>;
  /**
   * A wrong password: counts against the account and the address; the account's limit-th failure blocks it,
   * for longer each time (see `loginBlockSeconds`).
   */
  loginFailed(account: string, ip: string): Promise<void>;
  /** A right password: the account's failures are forgotten (the address's are not). */
  loginSucceeded(account: string): Promise<void>;
}

/** First block after too many failed logins; each further one within a day doubles, up to an hour. */
const firstLoginBlockSeconds = 60;
const longestLoginBlockSeconds = 3600;
const loginBlockMemorySeconds = 24 * 3600;

/** How long the n-th block (1, 2, …) of an account lasts. */
export function loginBlockSeconds(blockNumber: number): number {
  return Math.min(longestLoginBlockSeconds, firstLoginBlockSeconds * 2 ** Math.max(0, blockNumber - 1));
}

export function createRateLimits(specs: RateLimitSpecs, store: RateLimitStore): RateLimits {
  const make = (name: string, points: number, duration: number): RateLimiterAbstract =>
    store.kind === 'redis'
      ? new RateLimiterRedis({
          storeClient: store.client,
          useRedisPackage: true,
          keyPrefix: `rl:${name}`,
          points,
          duration,
        })
      : new RateLimiterMemory({ keyPrefix: `rl:${name}`, points, duration });
  const limiters = new Map<RateLimitName, RateLimiterAbstract>();
  for (const name of rateLimitNames) {
    const spec = specs[name];
    if (spec) limiters.set(name, make(name, spec.points, spec.durationSeconds));
  }
  // How many times each account was blocked today: the next block lasts twice as long.
  const loginBlocks = make('loginBlocks', Number.MAX_SAFE_INTEGER, loginBlockMemorySeconds);

  async function consume(name: RateLimitName, key: string): Promise<void> {
    const limiter = limiters.get(name);
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (rejection) {
      throw toRateLimited(rejection);
    }
  }

  async function blockedFor(name: RateLimitName, key: string): Promise<number> {
    const limiter = limiters.get(name);
    const spec = specs[name];
    if (!limiter || !spec) return 0;
    const state = await limiter.get(key);
    return state && state.consumedPoints > spec.points ? state.msBeforeNext : 0;
  }

  return {
    consume,
    async checkLogin(account, ip) {
      const wait = Math.max(await blockedFor('loginAccount', account), await blockedFor('loginIp', ip));
      if (wait > 0) throw new RateLimitedError(wait);
    },
    async loginFailed(account, ip) {
      await consume('loginIp', ip).catch(ignoreRateLimited);
      const limiter = limiters.get('loginAccount');
      if (!limiter) return;
      // The limit-th failure blocks: with 5/15m, the fifth wrong password in a quarter of an hour.
      const reachedLimit = await limiter.consume(account).then(
        (state) => state.remainingPoints <= 0,
        (rejection: unknown) => Boolean(toRateLimited(rejection)),
      );
      if (!reachedLimit) return;
      const blocks = await loginBlocks.consume(account);
      await limiter.block(account, loginBlockSeconds(blocks.consumedPoints));
    },
    async loginSucceeded(account) {
      await limiters.get('loginAccount')?.delete(account);
    },
  };
}

/** A limiter rejects with a RateLimiterRes when over the limit, and with an Error when its store failed. */
function toRateLimited(rejection: unknown): RateLimitedError {
  if (rejection instanceof RateLimiterRes) return new RateLimitedError(rejection.msBeforeNext);
  throw rejection;
}

function ignoreRateLimited(error: unknown): void {
  if (!(error instanceof RateLimitedError)) throw error;
}
