/** How many of a site's latest takeovers the estimate rests on, and how far back they may go. */
export const TAKEOVER_SAMPLE = 50;
export const TAKEOVER_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface WaitInputs {
  /** 1 = next in the queue. */
  position: number;
  /** How long recent customers of the site waited for a person (any order). */
  recentWaitsMs: readonly number[];
  /** Agents online (not away) who may take one more conversation. */
  agentsWithRoom: number;
  /** Agents with a console connected at all (online or away). */
  agentsConnected: number;
}

/**
 * About how long until a person joins: the median recent takeover time once per "round" of the queue,
 * where each agent with room takes one conversation per round — `median × ceil(position / agents with
 * room)`. With nobody having room (all busy or away) one place frees at a time, so it counts as one. Null
 * when there is nothing to go on: no takeover measured lately, or nobody connected to take it.
 */
export function expectedWaitMs(inputs: WaitInputs): number | null {
  const median = medianOf(inputs.recentWaitsMs);
  if (median === null || inputs.agentsConnected === 0 || inputs.position < 1) return null;
  const rounds = Math.ceil(inputs.position / Math.max(1, inputs.agentsWithRoom));
  return Math.round(median * rounds);
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
