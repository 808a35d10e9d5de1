/** Levenshtein distance in characters, O(min(a,b)) memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let previous = Array.from({ length: short.length + 1 }, (_, i) => i);
  let current = new Array<number>(short.length + 1).fill(0);
  for (let j = 1; j <= long.length; j++) {
    current[0] = j;
    for (let i = 1; i <= short.length; i++) {
      const substitution = (previous[i - 1] ?? 0) + (short[i - 1] === long[j - 1] ? 0 : 1);
      current[i] = Math.min((previous[i] ?? 0) + 1, (current[i - 1] ?? 0) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[short.length] ?? 0;
}
