import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One axis of a chart: its range, where the grid lines go and how a tick is written. */
export interface ChartAxis {
  min: number;
  max: number;
  ticks: readonly number[];
  tickLabel: (value: number) => string;
  title: string;
}

/** Maps data to pixels inside the plot area. */
export interface ChartScale {
  x: (value: number) => number;
  y: (value: number) => number;
}

export interface ChartSpec {
  title: string;
  x: ChartAxis;
  y: ChartAxis;
  /** The chart's marks (paths, points, labels), drawn over the grid with the scale given. */
  marks: (scale: ChartScale) => string[];
  width?: number;
  height?: number;
}

const margin = { left: 60, right: 20, top: 40, bottom: 50 };

/** A stand-alone SVG in the benchmarks' style: title, light grid, framed plot, axis titles. */
export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 420;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const scale: ChartScale = {
    x: (value) => margin.left + ((value - spec.x.min) / (spec.x.max - spec.x.min)) * plotWidth,
    y: (value) => margin.top + plotHeight - ((value - spec.y.min) / (spec.y.max - spec.y.min)) * plotHeight,
  };
  const xTicks = spec.x.ticks.map(
    (tick) =>
      `<line x1="${fmt(scale.x(tick))}" y1="${margin.top}" x2="${fmt(scale.x(tick))}" y2="${margin.top + plotHeight}" stroke="#eee"/>` +
      `<text x="${fmt(scale.x(tick))}" y="${height - margin.bottom + 18}" text-anchor="middle">${spec.x.tickLabel(tick)}</text>`,
  );
  const yTicks = spec.y.ticks.map(
    (tick) =>
      `<line x1="${margin.left}" y1="${fmt(scale.y(tick))}" x2="${margin.left + plotWidth}" y2="${fmt(scale.y(tick))}" stroke="#eee"/>` +
      `<text x="${margin.left - 8}" y="${fmt(scale.y(tick) + 4)}" text-anchor="end">${spec.y.tickLabel(tick)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${width / 2}" y="22" text-anchor="middle" font-size="14">${spec.title}</text>
${xTicks.join('\n')}
${yTicks.join('\n')}
<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>
${spec.marks(scale).join('\n')}
<text x="${margin.left + plotWidth / 2}" y="${height - 12}" text-anchor="middle">${spec.x.title}</text>
<text transform="translate(16 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${spec.y.title}</text>
</svg>
`;
}

/** Path data through the points, in order. */
export function polyline(points: readonly (readonly [x: number, y: number])[], scale: ChartScale): string {
  return points
    .map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${fmt(scale.x(x))},${fmt(scale.y(y))}`)
    .join(' ');
}

/** Evenly spaced ticks from `min` to at most `max`. */
export function ticksBetween(min: number, max: number, step: number): number[] {
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toFixed(10)));
  return ticks;
}

export const percentLabel = (value: number): string => `${Math.round(value * 100)}%`;

export function writeSvgFile(file: string, svg: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, svg);
}

export function fmt(value: number): string {
  return value.toFixed(1);
}
