/** Longer than this between two pieces of work is a break, not work: the time counted stops here. */
export const MAX_TASK_MS = 10 * 60_000;

let lastDecisionAt = 0;

/**
 * The time an agent spent on one decision (approving a draft, reviewing a correction): from the moment the
 * work appeared, or their previous decision in this tab if that came later, to now; at most `MAX_TASK_MS`.
 * Working down a list, each decision counts the time since the one before.
 */
export function timeOnTask(shownAt: number, now = Date.now()): number {
  const from = Math.max(shownAt, lastDecisionAt);
  lastDecisionAt = now;
  return Math.min(MAX_TASK_MS, Math.max(0, Math.round(now - from)));
}
