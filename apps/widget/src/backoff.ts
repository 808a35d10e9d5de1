/** Exponential delay with jitter: 1s, 2s, 4s … capped, so many visitors never retry in lockstep. */
export function backoffDelay(attempt: number, capMs = 30_000): number {
  const base = Math.min(capMs, 1000 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
