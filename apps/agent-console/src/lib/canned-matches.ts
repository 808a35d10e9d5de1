import type { CannedResponse } from '@hitl/shared/canned-responses';

const MAX_MATCHES = 8;

/**
 * The canned responses for what follows the `/`: shortcuts starting with it first, then shortcuts or
 * titles containing it, each group by shortcut. An empty query lists them all (up to the limit).
 */
export function cannedMatches(all: readonly CannedResponse[], query: string): CannedResponse[] {
  const q = query.trim().toLowerCase();
  const starts = all.filter((c) => c.shortcut.startsWith(q));
  const contains = all.filter(
    (c) => !c.shortcut.startsWith(q) && (c.shortcut.includes(q) || c.title.toLowerCase().includes(q)),
  );
  const byShortcut = (a: CannedResponse, b: CannedResponse) => a.shortcut.localeCompare(b.shortcut);
  return [...starts.sort(byShortcut), ...contains.sort(byShortcut)].slice(0, MAX_MATCHES);
}
