import type { CsvCell } from './csv';

/** How a figure is drawn: bars and lines over the table's first column, or tiles of the table's rows. */
export type ChartSpec =
  | { kind: 'tiles' }
  | {
      kind: 'xy';
      /** Bars along the x axis (vertical), or categories down the side (horizontal). */
      layout: 'vertical' | 'horizontal';
      /** Columns drawn (indices into `columns`), each as a bar or a line; `percent` ones on a 0–100 axis. */
      series: {
        column: number;
        as: 'bar' | 'line';
        percent?: boolean;
        reference?: boolean;
        stacked?: boolean;
      }[];
    };

/**
 * One figure of the page: the numbers the chart draws, the table shows and the CSV holds — the same rows,
 * so a download is exactly what was drawn.
 */
export interface FigureTable {
  id: string;
  title: string;
  note?: string;
  columns: string[];
  rows: CsvCell[][];
  chart: ChartSpec | null;
  /** Set when the rows alone cannot tell (the reliability bins always have their stated confidence). */
  empty?: boolean;
  /** Across the whole page: a table of many columns. */
  wide?: boolean;
}

export const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
export const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
export const shareOf = (part: number, whole: number) => (whole === 0 ? null : percent(part / whole));
export const reasonLabel = (reason: string) => reason.replaceAll('_', ' ');
export const bars = (...columns: number[]): ChartSpec => ({
  kind: 'xy',
  layout: 'vertical',
  series: columns.map((column) => ({ column, as: 'bar' })),
});
export const sideBars = (column: number, options: { percent?: boolean } = {}): ChartSpec => ({
  kind: 'xy',
  layout: 'horizontal',
  series: [{ column, as: 'bar', ...options }],
});

/** Several columns as horizontal bars side by side (one colour each). */
export const sideBarsOf = (...columns: number[]): ChartSpec => ({
  kind: 'xy',
  layout: 'horizontal',
  series: columns.map((column) => ({ column, as: 'bar' })),
});

/** Whether a figure has anything to draw (a row with a number other than zero). */
export function hasFigures(table: FigureTable): boolean {
  if (table.empty !== undefined) return !table.empty;
  return table.rows.some((row) => row.slice(1).some((cell) => typeof cell === 'number' && cell !== 0));
}
