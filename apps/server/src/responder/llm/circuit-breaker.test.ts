import { describe, expect, it } from 'vitest';
import { type CircuitState, createCircuitBreaker } from './circuit-breaker';

type Step =
  | { do: 'fail' | 'succeed' | 'acquire'; at: number; expect?: boolean }
  | { do: 'state'; at: number; expect: CircuitState };

/** Each case: a script of calls at given times (ms), threshold 3, cool-down 1000 ms. */
const cases: Array<[string, Step[]]> = [
  [
    'stays closed below the threshold',
    [
      { do: 'fail', at: 0 },
      { do: 'fail', at: 1 },
      { do: 'state', at: 2, expect: 'closed' },
      { do: 'acquire', at: 2, expect: true },
    ],
  ],
  [
    'a success resets the count of failures in a row',
    [
      { do: 'fail', at: 0 },
      { do: 'fail', at: 1 },
      { do: 'succeed', at: 2 },
      { do: 'fail', at: 3 },
      { do: 'fail', at: 4 },
      { do: 'state', at: 5, expect: 'closed' },
    ],
  ],
  [
    'opens after 3 failures in a row and refuses calls during the cool-down',
    [
      { do: 'fail', at: 0 },
      { do: 'fail', at: 1 },
      { do: 'fail', at: 2 },
      { do: 'state', at: 3, expect: 'open' },
      { do: 'acquire', at: 3, expect: false },
      { do: 'acquire', at: 1001, expect: false },
    ],
  ],
  [
    'half-open after the cool-down: one trial call, the others still refused',
    [
      { do: 'fail', at: 0 },
      { do: 'fail', at: 0 },
      { do: 'fail', at: 0 },
      { do: 'state', at: 1000, expect: 'half-open' },
      { do: 'acquire', at: 1000, expect: true },
      { do: 'acquire', at: 1001, expect: false },
    ],
  ],
  [
    'a successful trial closes the circuit',
    [
      { do: 'fail', at: 0 },
      { do: 'fail', at: 0 },
      { do: 'fail', at: 0 },
      { do: 'acquire', at: 1000, expect: true },
      { do: 'succeed', at: 1100 },
      { do: 'state', at: 1100, expect: 'closed' },
      { do: 'acquire', at: 1100, expect: true },
      { do: 'acquire', at: 1100, expect: true },
    ],
  ],
  [
    'a failed trial opens it again for a whole cool-down',
    [
      { do: 'fail', at: 0 },
      { do: 'fail', at: 0 },
      { do: 'fail', at: 0 },
      { do: 'acquire', at: 1000, expect: true },
      { do: 'fail', at: 1500 },
      { do: 'state', at: 1500, expect: 'open' },
      { do: 'acquire', at: 2499, expect: false },
      { do: 'acquire', at: 2500, expect: true },
    ],
  ],
];

describe('createCircuitBreaker', () => {
  it.each(cases)('%s', (_name, steps) => {
    let now = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 3, coolDownMs: 1000, now: () => now });
    for (const step of steps) {
      now = step.at;
      if (step.do === 'fail') breaker.recordFailure();
      else if (step.do === 'succeed') breaker.recordSuccess();
      else if (step.do === 'acquire') expect(breaker.tryAcquire(), `acquire at ${step.at}`).toBe(step.expect);
      else expect(breaker.state, `state at ${step.at}`).toBe(step.expect);
    }
  });
});
