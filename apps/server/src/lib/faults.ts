/**
 * Named points inside use cases of several writes, where a fault test can make the process die as in a
 * crash (SIGKILL: no `finally`, no graceful shutdown) to show that a restart finishes the work. Inert
 * unless `TEST_CRASH_AT` names the point.
 */
export interface Faults {
  reached(point: CrashPoint): void;
}

export const crashPoints = [
  'claim:decided',
  'hand_back:decided',
  'close:decided',
  'transfer:decided',
  'review_draft:reviewed',
  'review_draft:published',
  'record_correction:created',
  'bot_turn:answered',
] as const;
export type CrashPoint = (typeof crashPoints)[number];

export function createFaults(crashAt: CrashPoint | undefined): Faults {
  return {
    reached(point) {
      if (point === crashAt) process.kill(process.pid, 'SIGKILL');
    },
  };
}

export const noFaults: Faults = { reached: () => undefined };
