export const rangePresets = [7, 30, 90] as const;
export type RangePreset = (typeof rangePresets)[number];

export interface DayRange {
  from: string;
  to: string;
}

/** The last `days` UTC days, today included (the server counts by UTC day). */
export function presetRange(days: number, now: Date): DayRange {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** Why a custom range cannot be asked for, or null when it can. */
export function rangeProblem(range: DayRange, maxDays: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to))
    return 'Choose both days.';
  if (range.from > range.to) return 'The first day must not be after the last.';
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > maxDays) return `At most ${maxDays} days at a time.`;
  return null;
}
